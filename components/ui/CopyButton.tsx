"use client";

import { useEffect, useState, type RefObject } from "react";
import { Button, type ButtonProps } from "./Button";

type CopyButtonProps = {
  text: string;
  /** The button's accessible name, e.g. "Copy the write key of Website". */
  label: string;
  /** What is copied, for the announcement ("Write key copied"). */
  what: string;
  /** The element showing `text`: selected for Ctrl+C when the clipboard cannot be written. */
  selectOnFailure: RefObject<HTMLElement | null>;
  variant?: ButtonProps["variant"];
};

/**
 * Copies `text` to the clipboard. Where the Clipboard API is unavailable (a page served over
 * plain http from another host, as a self-hosted install reached by its network address is),
 * it selects the text on the page instead and says to press Ctrl+C: a copy button never
 * silently does nothing.
 */
export function CopyButton({ text, label, what, selectOnFailure, variant = "secondary" }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "selected">("idle");

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
      const shown = selectOnFailure.current;
      if (shown) window.getSelection()?.selectAllChildren(shown);
      setState("selected");
    }
  }

  return (
    <>
      <Button size="sm" variant={variant} className="w-16" onClick={() => void copy()} aria-label={label}>
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? `${what} copied` : state === "selected" ? `${what} selected: press Ctrl+C to copy it` : ""}
      </span>
      {state === "selected" ? <span className="whitespace-nowrap text-xs text-zinc-500">Press Ctrl+C</span> : null}
    </>
  );
}
