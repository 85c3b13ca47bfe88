"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { StoreApi, UseBoundStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { createCanvasStore, type CanvasState } from "./canvas-store";
import type { CanvasGraph } from "./canvas-types";

const StoreContext = createContext<UseBoundStore<StoreApi<CanvasState>> | null>(null);

export function CanvasStoreProvider({ graph, children }: { graph: CanvasGraph; children: ReactNode }) {
  const [store] = useState(() => createCanvasStore(graph));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads the canvas store; selectors returning objects or arrays are compared shallowly. */
export function useCanvas<T>(selector: (state: CanvasState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useCanvas needs a CanvasStoreProvider");
  return store(useShallow(selector));
}
