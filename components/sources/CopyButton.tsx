"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";

/** Copies `text`; where the Clipboard API is unavailable (plain http from another host), says to select and copy by hand. */
export function CopyButton({ text, label, className = "" }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button size="sm" onClick={() => void copy()} aria-label={label} className={`w-20 ${className}`}>
        {state === "copied" ? "Copied" : state === "failed" ? "Select it" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? "Copied" : state === "failed" ? "Copying is blocked here: select the text and press Ctrl+C" : ""}
      </span>
    </>
  );
}
