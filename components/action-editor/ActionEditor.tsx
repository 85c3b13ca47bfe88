"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ActionDetail, ActionPreview } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { generateMapping } from "./mapping-model/generate-mapping";
import { parseMapping } from "./mapping-model/parse-mapping";
import { syntaxMarkers, type EditorMarker } from "./markers";
import { PreviewPanel } from "./PreviewPanel";
import { samplePaths } from "./sample-paths";
import { SamplePicker } from "./SamplePicker";
import { TestSendPanel } from "./TestSendPanel";
import { TriggerPanel } from "./TriggerPanel";
import { VersionsDrawer } from "./VersionsDrawer";
import { VisualMapping } from "./VisualMapping";

const JsonataEditor = dynamic(() => import("./JsonataEditor"), { ssr: false, loading: () => <div className="h-[420px] rounded-md border border-zinc-200 p-4 text-sm text-zinc-500">Loading the editor…</div> });

const PREVIEW_DEBOUNCE_MS = 250;

type Sample = { id: string; label: string; event: Record<string, unknown> };

/** The action editor: trigger, mapping (visual and JSONata), sample, live preview, test-send, versions. */
export function ActionEditor({ workspaceId, initialAction }: { workspaceId: string; initialAction: ActionDetail }) {
  const trpc = useTRPC();
  const [action, setAction] = useState(initialAction);
  const [trigger, setTrigger] = useState(initialAction.trigger);
  const [mapping, setMapping] = useState(initialAction.mapping);
  const [enabled, setEnabled] = useState(initialAction.enabled);
  const [view, setView] = useState<"visual" | "jsonata">("visual");
  const [sample, setSample] = useState<Sample | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const [preview, setPreview] = useState<ActionPreview | null>(null);

  const samples = useQuery(trpc.actions.samples.queryOptions({ workspaceId, destinationId: action.destination.id }));
  useEffect(() => {
    if (sample || !samples.data) return;
    const { recent, builtIn } = samples.data;
    const first = recent[0] ?? builtIn.find((s) => action.trigger.includes(`"${s.type}"`)) ?? builtIn[0];
    if (first) setSample(first);
  }, [samples.data, sample, action.trigger]);

  const previewRun = useMutation(trpc.actions.preview.mutationOptions());
  const latest = useRef(0);
  useEffect(() => {
    if (!sample) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      previewRun.mutate(
        { workspaceId, actionId: action.id, trigger, mapping, event: sample.event },
        { onSuccess: (result) => ticket === latest.current && setPreview(result) },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // previewRun is stable enough: its mutate is bound once per hook
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId, action.id, trigger, mapping, sample]);

  const save = useMutation(
    trpc.actions.save.mutationOptions({
      onSuccess: (saved) => {
        setAction(saved);
        setTrigger(saved.trigger);
        setMapping(saved.mapping);
        setEnabled(saved.enabled);
      },
    }),
  );

  const model = useMemo(() => parseMapping(mapping), [mapping]);
  const paths = useMemo(() => samplePaths(sample?.event ?? {}), [sample]);
  const eventPaths = useMemo(() => paths.map((p) => p.path.join(".")), [paths]);
  const fieldNames = useMemo(() => flattenFieldNames(action.fields), [action.fields]);
  const markers = useMemo<EditorMarker[]>(() => {
    const local = syntaxMarkers(mapping);
    if (local.length > 0) return local;
    return (preview?.errors ?? []).filter((e) => e.line !== undefined && e.column !== undefined).map((e) => ({ line: e.line!, column: e.column!, length: e.token?.length ?? 1, message: e.message }));
  }, [mapping, preview]);
  const issues = useMemo(() => new Map((preview?.errors ?? []).filter((e) => e.path).map((e) => [e.path!, e.message])), [preview]);
  const dirty = trigger !== action.trigger || mapping !== action.mapping || enabled !== action.enabled;

  return (
    <div className="space-y-4" data-testid="action-editor">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
            <Link href={`/w/${workspaceId}/destinations/${action.destination.id}`} className="hover:text-zinc-900">{action.destination.name}</Link>
            <span className="px-1.5">/</span>
            <span>{action.destination.catalogName} action</span>
          </nav>
          <div className="flex items-center gap-2">
            <h1 className="truncate text-xl font-semibold text-zinc-900">{action.name}</h1>
            <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700" data-testid="version-badge">v{action.version}</span>
            {dirty ? <span className="text-xs font-medium text-amber-700">Unsaved changes</span> : null}
          </div>
          <p className="text-sm text-zinc-600">{action.name === action.title ? action.description : `${action.title}: ${action.description}`}</p>
        </div>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-1.5 text-sm text-zinc-700">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4 accent-zinc-900" />
            Enabled
          </label>
          <Link href={`/w/${workspaceId}/destinations/${action.destination.id}/actions/new`} className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100">Add action</Link>
          <Button variant="secondary" onClick={() => setShowVersions(true)}>Versions</Button>
          <Button variant="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate({ workspaceId, actionId: action.id, trigger, mapping, enabled, expectedVersion: action.version })}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </header>
      {save.isError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="save-error">Not saved: {errorMessage(save.error)}</p> : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          <TriggerPanel
            trigger={trigger}
            onChange={setTrigger}
            check={preview?.trigger ?? null}
            builder={preview?.triggerBuilder ?? null}
            builderFor={preview?.triggerText ?? null}
            sampleLabel={sample?.label ?? null}
            fieldSuggestions={eventPaths}
          />
          <section aria-labelledby="mapping-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 id="mapping-heading" className="text-sm font-semibold text-zinc-900">Mapping: what {action.destination.catalogName} receives</h2>
              <div role="tablist" aria-label="Mapping view" className="inline-flex rounded-md bg-zinc-100 p-0.5 text-sm">
                {(["visual", "jsonata"] as const).map((tab) => (
                  <button key={tab} role="tab" aria-selected={view === tab} type="button" onClick={() => setView(tab)} className={`rounded px-3 py-1 font-medium ${view === tab ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-600 hover:text-zinc-900"}`}>
                    {tab === "visual" ? "Visual" : "JSONata"}
                  </button>
                ))}
              </div>
            </div>
            {view === "visual" ? (
              <VisualMapping
                model={model}
                fields={action.fields}
                openFields={action.openFields}
                sample={sample?.event ?? null}
                payload={preview?.payload}
                issues={issues}
                onRows={(rows) => model.kind === "rows" && setMapping(generateMapping({ ...model, rows }))}
                onSwitchToJsonata={() => setView("jsonata")}
              />
            ) : (
              <JsonataEditor value={mapping} onChange={setMapping} markers={markers} eventPaths={eventPaths} fieldNames={fieldNames} label="Mapping in JSONata" />
            )}
            {view === "jsonata" && markers.length > 0 ? (
              <p role="alert" className="mt-2 font-mono text-xs text-red-700" data-testid="mapping-error">Line {markers[0]!.line}, column {markers[0]!.column}: {markers[0]!.message}</p>
            ) : null}
          </section>
        </div>
        <div className="min-w-0 space-y-4">
          <SamplePicker workspaceId={workspaceId} destinationId={action.destination.id} selectedId={sample?.id ?? null} onSelect={setSample} />
          <PreviewPanel preview={preview} pending={previewRun.isPending} error={previewRun.isError ? errorMessage(previewRun.error) : null} />
          <TestSendPanel workspaceId={workspaceId} actionId={action.id} destinationName={action.destination.name} trigger={trigger} mapping={mapping} event={sample?.event ?? null} />
        </div>
      </div>
      {showVersions ? (
        <VersionsDrawer
          workspaceId={workspaceId}
          action={action}
          onClose={() => setShowVersions(false)}
          onRestored={(restored) => {
            setAction(restored);
            setTrigger(restored.trigger);
            setMapping(restored.mapping);
            setEnabled(restored.enabled);
          }}
        />
      ) : null}
    </div>
  );
}

function flattenFieldNames(fields: ActionDetail["fields"]): string[] {
  return fields.flatMap((f) => [f.name, ...flattenFieldNames(f.fields ?? [])]);
}
