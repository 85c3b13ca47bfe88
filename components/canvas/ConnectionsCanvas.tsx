"use client";

import "@xyflow/react/dist/style.css";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Background,
  Controls,
  getNodesBounds,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type IsValidConnection,
  type NodeMouseHandler,
  type ReactFlowInstance,
} from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { parseNodeId, type CanvasNode, type ConnectionEdge } from "./canvas-types";
import { useCanvas } from "./canvas-store-context";
import ConnectionEdgeView from "./ConnectionEdgeView";
import DestinationNodeView from "./DestinationNodeView";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";
import SourceNodeView from "./SourceNodeView";

const nodeTypes = { source: SourceNodeView, destination: DestinationNodeView };
const edgeTypes = { connection: ConnectionEdgeView };
const MIN_READABLE_ZOOM = 0.45;
const proOptions = { hideAttribution: true };

const isValidConnection: IsValidConnection = (c) => parseNodeId(c.source)?.kind === "source" && parseNodeId(c.target)?.kind === "destination";

type ConnectionsCanvasProps = { workspaceId: string; focusNodeId: string | null; onChanged: () => void };

/** Sources on the left, destinations on the right: drag from a source's handle to a destination to connect them. */
export function ConnectionsCanvas({ workspaceId, focusNodeId, onChanged }: ConnectionsCanvasProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const { nodes, edges, onNodesChange, onEdgesChange, hover, selectNode } = useCanvas((s) => ({
    nodes: s.nodes,
    edges: s.edges,
    onNodesChange: s.onNodesChange,
    onEdgesChange: s.onEdgesChange,
    hover: s.hover,
    selectNode: s.selectNode,
  }));
  const selectedEdge = edges.find((e) => e.selected) ?? null;
  const [confirming, setConfirming] = useState<ConnectionEdge | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const flow = useReactFlow<CanvasNode, ConnectionEdge>();
  const wrapper = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.canvas.graph.queryKey({ workspaceId }) });
    onChanged();
  }, [queryClient, trpc, workspaceId, onChanged]);

  const connect = useMutation(trpc.destinations.connect.mutationOptions({ onSuccess: refresh, onError: (e) => setProblem(`Could not connect: ${errorMessage(e)}`) }));
  const disconnect = useMutation(
    trpc.destinations.disconnect.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        refresh();
      },
    }),
  );
  const savePosition = useMutation(trpc.canvas.savePosition.mutationOptions({ onError: (e) => setProblem(`The new position was not saved: ${errorMessage(e)}`) }));

  const onConnect = useCallback(
    (c: Connection) => {
      const source = parseNodeId(c.source);
      const target = parseNodeId(c.target);
      if (source?.kind !== "source" || target?.kind !== "destination") return;
      setProblem(null);
      connect.mutate({ workspaceId, sourceId: source.id, destinationId: target.id });
    },
    [connect, workspaceId],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, node: CanvasNode) => {
      const parsed = parseNodeId(node.id);
      if (parsed) savePosition.mutate({ workspaceId, nodeType: parsed.kind, nodeId: parsed.id, x: Math.round(node.position.x), y: Math.round(node.position.y) });
    },
    [savePosition, workspaceId],
  );

  // Fit the graph when it is readable that way; a large one is shown from its top at a readable size instead.
  const showGraph = useCallback(
    (instance: ReactFlowInstance<CanvasNode, ConnectionEdge>, all: CanvasNode[], focus: CanvasNode | undefined) => {
      const pane = wrapper.current?.getBoundingClientRect();
      if (all.length === 0 || !pane) return;
      const bounds = getNodesBounds(all);
      const padding = 40;
      const fit = Math.min(1, (pane.width - 2 * padding) / bounds.width, (pane.height - 2 * padding) / bounds.height);
      const zoom = fit >= MIN_READABLE_ZOOM ? fit : Math.max(MIN_READABLE_ZOOM, Math.min(1, (pane.width - 2 * padding) / bounds.width));
      const x = (pane.width - bounds.width * zoom) / 2 - bounds.x * zoom;
      // A graph taller than the pane is shown from its top.
      const y = fit >= MIN_READABLE_ZOOM ? (pane.height - bounds.height * zoom) / 2 - bounds.y * zoom : padding - bounds.y * zoom;
      if (focus) {
        const top = focus.position.y * zoom + y;
        const left = focus.position.x * zoom + x;
        if (top < 0 || left < 0 || top + NODE_HEIGHT * zoom > pane.height || left + NODE_WIDTH * zoom > pane.width) {
          void instance.setCenter(focus.position.x + NODE_WIDTH / 2, focus.position.y + NODE_HEIGHT / 2, { zoom });
          return;
        }
      }
      void instance.setViewport({ x, y, zoom });
    },
    [],
  );

  const onNodeMouseEnter: NodeMouseHandler<CanvasNode> = useCallback((_, node) => hover(node.id), [hover]);
  const onNodeMouseLeave = useCallback(() => hover(null), [hover]);

  // Nodes have fixed sizes, so the first view needs no measuring: the graph, or the node just
  // created through an add flow, selected.
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    const node = focusNodeId ? nodes.find((n) => n.id === focusNodeId) : undefined;
    showGraph(flow, nodes, node);
    if (!node) return;
    selectNode(node.id);
    // The address keeps the workspace's plain one, so a reload shows the whole graph.
    window.history.replaceState(null, "", window.location.pathname);
  }, [focusNodeId, flow, nodes, selectNode, showGraph]);

  return (
    <div
      ref={wrapper}
      className="relative h-full w-full"
      onKeyDown={(event) => {
        if ((event.key === "Delete" || event.key === "Backspace") && selectedEdge && canEdit && !(event.target instanceof HTMLInputElement)) {
          event.preventDefault();
          setConfirming(selectedEdge);
        }
      }}
    >
      <ReactFlow<CanvasNode, ConnectionEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStop={onNodeDragStop}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        deleteKeyCode={null}
        nodesConnectable={canEdit}
        nodesDraggable={canEdit}
        minZoom={0.2}
        maxZoom={1.5}
        onlyRenderVisibleElements={nodes.length > 60}
        proOptions={proOptions}
        aria-label="Connections canvas"
      >
        <Background gap={24} size={1} color="#e4e4e7" />
        <Controls showInteractive={false} position="bottom-left" />
        {nodes.length > 20 ? <MiniMap pannable zoomable position="bottom-right" ariaLabel="Overview of the canvas" /> : null}
        {selectedEdge && canEdit ? (
          <Panel position="top-center">
            <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm shadow-md">
              <span className="text-zinc-600">Connection selected</span>
              <Button size="sm" variant="ghost-danger" onClick={() => setConfirming(selectedEdge)}>
                Delete connection
              </Button>
            </div>
          </Panel>
        ) : null}
        {problem ? (
          <Panel position="top-right">
            <p role="alert" className="max-w-xs rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 shadow">
              {problem}
            </p>
          </Panel>
        ) : null}
      </ReactFlow>
      <ConfirmDialog
        open={confirming !== null}
        title="Delete this connection?"
        confirmLabel="Delete connection"
        tone="danger"
        pending={disconnect.isPending}
        error={disconnect.isError ? errorMessage(disconnect.error) : null}
        onCancel={() => {
          setConfirming(null);
          disconnect.reset();
        }}
        onConfirm={() => {
          const data = confirming?.data;
          if (data) disconnect.mutate({ workspaceId, sourceId: data.sourceId, destinationId: data.destinationId });
        }}
      >
        <ConnectionDescription edge={confirming} />
      </ConfirmDialog>
    </div>
  );
}

function ConnectionDescription({ edge }: { edge: ConnectionEdge | null }) {
  const names = useCanvas((s) => ({
    source: s.nodes.find((n) => n.id === edge?.source)?.data.name ?? "the source",
    destination: s.nodes.find((n) => n.id === edge?.target)?.data.name ?? "the destination",
  }));
  return (
    <>
      Events from <strong className="font-medium text-zinc-900">{names.source}</strong> will stop going to{" "}
      <strong className="font-medium text-zinc-900">{names.destination}</strong>. Events already delivered stay where they are.
    </>
  );
}
