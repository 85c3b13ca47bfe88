"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/components/trpc/router-types";

const RoleContext = createContext<Role>("viewer");

/** The signed-in user's role in the workspace of the page (set by the workspace layout). */
export function WorkspaceRoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useWorkspaceRole(): Role {
  return useContext(RoleContext);
}

/**
 * Whether the user may change sources, destinations, connections and actions. Controls that
 * change things are left out (or disabled) without it; the server refuses such calls anyway.
 */
export function useCanEdit(): boolean {
  const role = useWorkspaceRole();
  return role === "editor" || role === "admin";
}
