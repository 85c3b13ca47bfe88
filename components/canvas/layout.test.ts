import { describe, expect, it } from "vitest";
import type { CanvasGraph } from "./canvas-types";
import { DESTINATION_X, layoutGraph, neighbourhood, ROW_HEIGHT } from "./layout";

const source = (id: string) => ({ id, name: id, kind: "http", enabled: true, lastEventAt: null, perMinute: [] });
const destination = (id: string, crossRegion = false) => ({
  id,
  name: id,
  type: "webhook",
  typeName: "Webhook",
  category: "Raw Data",
  region: crossRegion ? "EU" : null,
  crossRegion,
  enabled: true,
  health: "healthy",
  healthReason: null,
  errorCount: 0,
});

const graph: CanvasGraph = {
  workspace: { id: "w", name: "W", region: "US" },
  sources: [source("a"), source("b")],
  destinations: [destination("x"), destination("y", true)],
  connections: [
    { id: "c1", sourceId: "a", destinationId: "y" },
    { id: "c2", sourceId: "b", destinationId: "x" },
  ],
  positions: [{ nodeType: "destination", nodeId: "x", x: 900, y: 40 }],
};

describe("canvas layout", () => {
  it("puts sources left and destinations right in columns, saved positions first, on-screen positions over both", () => {
    const { nodes, edges } = layoutGraph(graph);
    expect(nodes.map((n) => [n.id, n.position])).toEqual([
      ["source:a", { x: 0, y: 0 }],
      ["source:b", { x: 0, y: ROW_HEIGHT }],
      ["destination:x", { x: 900, y: 40 }],
      ["destination:y", { x: DESTINATION_X, y: ROW_HEIGHT }],
    ]);
    expect(edges.map((e) => [e.source, e.target, e.data?.crossRegion])).toEqual([
      ["source:a", "destination:y", true],
      ["source:b", "destination:x", false],
    ]);
    const kept = layoutGraph(graph, new Map([["destination:x", { x: 5, y: 6 }]]));
    expect(kept.nodes.find((n) => n.id === "destination:x")?.position).toEqual({ x: 5, y: 6 });
  });

  it("finds what a node is connected to", () => {
    const { edges } = layoutGraph(graph);
    expect([...neighbourhood("source:a", edges)].sort()).toEqual(["destination:y", "source:a"]);
    expect([...neighbourhood("destination:x", edges)].sort()).toEqual(["destination:x", "source:b"]);
  });
});
