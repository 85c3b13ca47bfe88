"use client";

import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { CanvasGraph, CanvasNode, ConnectionEdge } from "./canvas-types";
import { layoutGraph, neighbourhood } from "./layout";

export type CanvasState = {
  nodes: CanvasNode[];
  edges: ConnectionEdge[];
  /** The node under the pointer (or focused), and what it is connected to. */
  hovered: string | null;
  highlighted: ReadonlySet<string> | null;
  workspaceId: string;
  workspaceRegion: string;
  setGraph: (graph: CanvasGraph) => void;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<ConnectionEdge>[]) => void;
  hover: (nodeId: string | null) => void;
  selectNode: (nodeId: string) => void;
};

/**
 * The node already in the store when nothing the user sees changed (so memoised nodes skip
 * rendering on each refresh), else the new one keeping React Flow's measurements.
 */
function keepUnchanged(before: CanvasNode | undefined, after: CanvasNode): CanvasNode {
  if (!before) return after;
  if (before.selected === after.selected && before.position.x === after.position.x && before.position.y === after.position.y && JSON.stringify(before.data) === JSON.stringify(after.data)) return before;
  return { ...after, measured: before.measured } as CanvasNode;
}

/** The canvas's graph state: one store per mounted canvas (see CanvasStoreProvider). */
export function createCanvasStore(graph: CanvasGraph) {
  const initial = layoutGraph(graph);
  return create<CanvasState>()((set, get) => ({
    nodes: initial.nodes,
    edges: initial.edges,
    hovered: null,
    highlighted: null,
    workspaceId: graph.workspace.id,
    workspaceRegion: graph.workspace.region,
    setGraph: (next) => {
      const { nodes, edges } = get();
      const current = new Map(nodes.map((n) => [n.id, n.position]));
      const selected = new Set([...nodes, ...edges].filter((e) => e.selected).map((e) => e.id));
      const laid = layoutGraph(next, current);
      const hovered = get().hovered;
      const previous = new Map(nodes.map((n) => [n.id, n]));
      set({
        nodes: laid.nodes.map((n) => keepUnchanged(previous.get(n.id), selected.has(n.id) ? { ...n, selected: true } : n)),
        edges: laid.edges.map((e) => (selected.has(e.id) ? { ...e, selected: true } : e)),
        workspaceRegion: next.workspace.region,
        highlighted: hovered ? neighbourhood(hovered, laid.edges) : null,
      });
    },
    onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
    onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
    hover: (nodeId) => set({ hovered: nodeId, highlighted: nodeId ? neighbourhood(nodeId, get().edges) : null }),
    selectNode: (nodeId) => set({ nodes: get().nodes.map((n) => (n.selected === (n.id === nodeId) ? n : { ...n, selected: n.id === nodeId })), edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)) }),
  }));
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;
