"use client";

import type { ConnectionTestState } from "./use-connection-test";
import { Button } from "@/components/ui/Button";

/** The "Test connection" button and what the test found. */
export function ConnectionTest({ state, onTest, disabled }: { state: ConnectionTestState; onTest: () => void; disabled: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={onTest} disabled={disabled || state.status === "running"}>
        {state.status === "running" ? "Testing…" : "Test connection"}
      </Button>
      <p role="status" className="min-w-0 text-sm">
        {state.status === "ok" ? <span className="text-emerald-700">Connection works.</span> : null}
        {state.status === "failed" ? <span className="text-red-700">Connection failed: {state.message}</span> : null}
      </p>
    </div>
  );
}
