import type { ReactNode } from "react";
import { getWorkspace } from "../../get-workspace";
import { loadDestination } from "./load-destination";

/** Checks the destination exists before the page streams, so an unknown id answers 404 rather than 200. */
export default async function DestinationLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string; destinationId: string }> }) {
  const { workspaceId, destinationId } = await params;
  await loadDestination((await getWorkspace(workspaceId)).id, destinationId);
  return children;
}
