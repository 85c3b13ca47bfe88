"use client";

import { useCanvas } from "./canvas-store-context";

/** Whether a node or edge is lit (linked to the hovered node), dimmed (not linked) or neither (nothing hovered). */
export function useEmphasis(...ids: string[]): "normal" | "lit" | "dim" {
  return useCanvas((s) => (s.highlighted === null ? "normal" : ids.every((id) => s.highlighted!.has(id)) ? "lit" : "dim"));
}
