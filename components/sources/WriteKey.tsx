"use client";

import { useRef } from "react";
import { CopyButton } from "@/components/ui/CopyButton";

/** The write key in full, with a copy button. */
export function WriteKey({ writeKey, sourceName }: { writeKey: string; sourceName: string }) {
  const keyRef = useRef<HTMLElement>(null);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code
        ref={keyRef}
        data-testid="write-key"
        className="min-w-0 select-all break-all rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs leading-5 text-zinc-800 sm:text-[0.8125rem] md:break-normal md:whitespace-nowrap"
      >
        {writeKey}
      </code>
      <CopyButton text={writeKey} label={`Copy the write key of ${sourceName}`} what="Write key" selectOnFailure={keyRef} variant="ghost" />
    </div>
  );
}
