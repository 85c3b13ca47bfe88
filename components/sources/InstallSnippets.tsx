"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import { installSnippets } from "./install-snippets";

type InstallSnippetsProps = { baseUrl: string; writeKey: string; globalName?: string; initialLanguage?: string };

export function InstallSnippets({ baseUrl, writeKey, globalName, initialLanguage }: InstallSnippetsProps) {
  const id = useId();
  const snippets = installSnippets({ baseUrl, writeKey, globalName });
  const [selected, setSelected] = useState(() => Math.max(0, snippets.findIndex((s) => s.language === initialLanguage)));
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const shownCode = useRef<HTMLPreElement>(null);
  const current = snippets[selected] ?? snippets[0]!;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (selected + step + snippets.length) % snippets.length;
    setSelected(next);
    tabs.current[next]?.focus();
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 rounded-xl border border-zinc-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 pt-3 sm:px-5">
        <h2 id={`${id}-heading`} className="pb-3 text-sm font-semibold text-zinc-900">
          Send your first event
        </h2>
        <div role="tablist" aria-label="Language" onKeyDown={onKeyDown} className="-mb-px flex max-w-full flex-wrap">
          {snippets.map((snippet, index) => (
            <button
              key={snippet.language}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${snippet.language}`}
              aria-selected={index === selected}
              aria-controls={`${id}-panel`}
              tabIndex={index === selected ? 0 : -1}
              onClick={() => setSelected(index)}
              className={`whitespace-nowrap border-b-2 px-3 pb-2.5 pt-1 text-sm font-medium ${index === selected ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800"}`}
            >
              {snippet.label}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.language}`} className="p-4 sm:p-5">
        <div className="mb-2 flex items-center justify-between gap-3">
          <p className="min-w-0 text-sm text-zinc-600">This server&rsquo;s address and the write key are filled in.</p>
          <div className="flex shrink-0 items-center gap-2">
            <CopyButton text={current.code} label={`Copy the ${current.label} snippet`} what="Snippet" selectOnFailure={shownCode} />
          </div>
        </div>
        <pre ref={shownCode} data-testid="install-snippet" tabIndex={0} className="max-h-80 overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100">
          <code>{current.code}</code>
        </pre>
      </div>
    </section>
  );
}
