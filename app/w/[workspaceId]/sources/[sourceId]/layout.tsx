import type { ReactNode } from "react";
import { getWorkspace } from "../../get-workspace";
import { loadSource } from "./load-source";

/** Checks the source exists before the page streams, so an unknown id answers 404 rather than 200. */
export default async function SourceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string; sourceId: string }> }) {
  const { workspaceId, sourceId } = await params;
  await loadSource((await getWorkspace(workspaceId)).id, sourceId);
  return children;
}
