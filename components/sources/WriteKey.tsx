"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";

type CopyState = "idle" | "copied" | "selected";

/**
 * The write key in full, with a copy button. Where the Clipboard API is unavailable (a page
 * served over plain http from another host), the button selects the key for Ctrl+C instead.
 */
export function WriteKey({ writeKey, sourceName }: { writeKey: string; sourceName: string }) {
  const keyRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(writeKey);
      setState("copied");
    } catch {
      const key = keyRef.current;
      if (key) window.getSelection()?.selectAllChildren(key);
      setState("selected");
    }
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <code
        ref={keyRef}
        data-testid="write-key"
        className="min-w-0 select-all break-all rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs leading-5 text-zinc-800 sm:text-[0.8125rem] md:break-normal md:whitespace-nowrap"
      >
        {writeKey}
      </code>
      <Button size="sm" variant="ghost" className="w-16" onClick={() => void copy()} aria-label={`Copy the write key of ${sourceName}`}>
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? "Write key copied" : state === "selected" ? "Write key selected: press Ctrl+C to copy it" : ""}
      </span>
      {state === "selected" ? <span className="text-xs text-zinc-500">Press Ctrl+C</span> : null}
    </div>
  );
}
