"use client";

import Link from "next/link";
import { useCanvas } from "./canvas-store-context";

/** A node's name, linking to its page; `nodrag` so a click on it is not the start of a drag. */
export function NodeLink({ kind, id, name }: { kind: "sources" | "destinations"; id: string; name: string }) {
  const workspaceId = useCanvas((s) => s.workspaceId);
  return (
    <Link
      href={`/w/${encodeURIComponent(workspaceId)}/${kind}/${encodeURIComponent(id)}`}
      prefetch={false}
      title={name}
      className="nodrag min-w-0 truncate rounded text-sm font-semibold text-zinc-900 hover:underline hover:underline-offset-2"
    >
      {name}
    </Link>
  );
}
