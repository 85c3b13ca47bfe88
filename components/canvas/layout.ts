import type { CanvasGraph, CanvasNode, ConnectionEdge } from "./canvas-types";
import { destinationNodeId, sourceNodeId } from "./canvas-types";

export const NODE_WIDTH = 256;
export const NODE_HEIGHT = 88;
export const COLUMN_GAP = 320;
export const ROW_HEIGHT = 124;
export const DESTINATION_X = NODE_WIDTH + COLUMN_GAP;

type Point = { x: number; y: number };

/**
 * Places nodes in two columns, sources on the left and destinations on the right, in the
 * order they were created; a position the user dragged a node to wins. `current` keeps
 * nodes where they are on screen when the graph refreshes.
 */
export function layoutGraph(graph: CanvasGraph, current: ReadonlyMap<string, Point> = new Map()): { nodes: CanvasNode[]; edges: ConnectionEdge[] } {
  const saved = new Map(graph.positions.map((p) => [`${p.nodeType}:${p.nodeId}`, { x: p.x, y: p.y }]));
  const place = (id: string, fallback: Point): Point => current.get(id) ?? saved.get(id) ?? fallback;
  const nodes: CanvasNode[] = [
    ...graph.sources.map((source, index): CanvasNode => {
      const id = sourceNodeId(source.id);
      return { id, type: "source", position: place(id, { x: 0, y: index * ROW_HEIGHT }), data: source, width: NODE_WIDTH, height: NODE_HEIGHT };
    }),
    ...graph.destinations.map((destination, index): CanvasNode => {
      const id = destinationNodeId(destination.id);
      return { id, type: "destination", position: place(id, { x: DESTINATION_X, y: index * ROW_HEIGHT }), data: destination, width: NODE_WIDTH, height: NODE_HEIGHT };
    }),
  ];
  const destinations = new Map(graph.destinations.map((d) => [d.id, d]));
  const edges: ConnectionEdge[] = graph.connections.flatMap((connection): ConnectionEdge[] => {
    const destination = destinations.get(connection.destinationId);
    if (!destination) return [];
    return [
      {
        id: `connection:${connection.sourceId}:${connection.destinationId}`,
        type: "connection",
        source: sourceNodeId(connection.sourceId),
        target: destinationNodeId(connection.destinationId),
        data: {
          connectionId: connection.id,
          sourceId: connection.sourceId,
          destinationId: connection.destinationId,
          crossRegion: destination.crossRegion,
          destinationRegion: destination.region,
          workspaceRegion: graph.workspace.region,
        },
      },
    ];
  });
  return { nodes, edges };
}

/** Every node id linked to `nodeId` by an edge, itself included. */
export function neighbourhood(nodeId: string, edges: readonly ConnectionEdge[]): Set<string> {
  const linked = new Set([nodeId]);
  for (const edge of edges) {
    if (edge.source === nodeId) linked.add(edge.target);
    if (edge.target === nodeId) linked.add(edge.source);
  }
  return linked;
}
