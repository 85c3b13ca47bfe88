import type { Role } from "@/components/trpc/router-types";

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer (read only)",
  editor: "Editor (sources, destinations, actions)",
  admin: "Admin (everything, members)",
};

export const ROLE_NAMES: Record<Role, string> = { viewer: "Viewer", editor: "Editor", admin: "Admin" };
