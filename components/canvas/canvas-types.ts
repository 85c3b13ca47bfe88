import type { Edge, Node } from "@xyflow/react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

export type CanvasGraph = inferRouterOutputs<AppRouter>["canvas"]["graph"];
export type CanvasSourceData = CanvasGraph["sources"][number];
export type CanvasDestinationData = CanvasGraph["destinations"][number];

export type SourceNode = Node<CanvasSourceData, "source">;
export type DestinationNode = Node<CanvasDestinationData, "destination">;
export type CanvasNode = SourceNode | DestinationNode;

export type ConnectionEdgeData = { connectionId: string; sourceId: string; destinationId: string; crossRegion: boolean; destinationRegion: string | null; workspaceRegion: string };
export type ConnectionEdge = Edge<ConnectionEdgeData, "connection">;

export const sourceNodeId = (id: string) => `source:${id}`;
export const destinationNodeId = (id: string) => `destination:${id}`;

/** The record id and kind behind a node id. */
export function parseNodeId(nodeId: string): { kind: "source" | "destination"; id: string } | null {
  const [kind, ...rest] = nodeId.split(":");
  if ((kind !== "source" && kind !== "destination") || rest.length === 0) return null;
  return { kind, id: rest.join(":") };
}
