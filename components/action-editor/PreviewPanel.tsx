"use client";

import type { ActionPreview } from "@/components/trpc/router-types";

type PreviewPanelProps = { preview: ActionPreview | null; pending: boolean; error: string | null };

/** The payload for the sample, what is wrong with it by field, and the exact request it would make. */
export function PreviewPanel({ preview, pending, error }: PreviewPanelProps) {
  const issues = preview?.errors ?? [];
  const attempt = preview?.attempts[0];
  return (
    <section aria-labelledby="preview-heading" className="rounded-lg border border-zinc-200 bg-white p-3" data-testid="preview">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="preview-heading" className="text-sm font-semibold text-zinc-900">Preview</h2>
        <span className="text-xs text-zinc-500" aria-live="polite">{pending ? "Updating…" : "Nothing is sent"}</span>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {preview ? (
        <div className="space-y-3">
          <div data-testid="validation">
            {issues.length === 0 ? (
              <p className="rounded-md bg-emerald-50 px-2 py-1.5 text-sm text-emerald-800">✓ The payload fits this action&apos;s fields</p>
            ) : (
              <ul className="space-y-1 rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-800">
                {issues.map((issue, i) => (
                  <li key={i}>
                    {issue.path ? <span className="font-mono font-medium">{issue.path}: </span> : null}
                    {issue.message}
                  </li>
                ))}
              </ul>
            )}
            {preview.trigger.valid && preview.trigger.matches === false ? <p className="mt-1 text-xs text-amber-700">The trigger does not match this sample: the runner would not send it.</p> : null}
            {!preview.allowedByIntegrations ? <p className="mt-1 text-xs text-amber-700">The sample&apos;s integrations object keeps it from this destination.</p> : null}
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Payload</h3>
            <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs text-zinc-800" data-testid="payload">{preview.payload === undefined ? "(nothing)" : JSON.stringify(preview.payload, null, 2)}</pre>
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Request the destination would receive</h3>
            {attempt ? (
              <div className="mt-1 rounded-md bg-zinc-50 p-2 font-mono text-xs text-zinc-800" data-testid="request">
                <div className="font-semibold">{attempt.request.method} {attempt.request.url}</div>
                {Object.entries(attempt.request.headers).map(([name, value]) => (
                  <div key={name} className="text-zinc-600">{name}: {value}</div>
                ))}
                <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all">{prettyBody(attempt.request.body)}</pre>
              </div>
            ) : (
              <p className="mt-1 text-xs text-zinc-500">{preview.notSent ?? "No request"}</p>
            )}
            {preview.attempts.length > 1 ? <p className="mt-1 text-xs text-zinc-500">and {preview.attempts.length - 1} more request(s)</p> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

export function prettyBody(body: string | null): string {
  if (body === null) return "";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
