import { JsonText } from "@/components/events/JsonText";
import { eventTitle } from "@/components/events/event-summary";
import type { Attempt } from "./destination-types";

/** A JSON text pretty-printed; anything else as it is. */
function prettyText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The recorded request split into its line, headers and body, the body pretty-printed when it is JSON. */
function requestParts(request: unknown): { line: string | null; headers: string | null; body: string } {
  if (typeof request !== "object" || request === null) return { line: null, headers: null, body: JSON.stringify(request, null, 2) };
  const { method, url, headers, body, ...rest } = request as Record<string, unknown>;
  const line = typeof method === "string" && typeof url === "string" ? `${method} ${url}` : null;
  const headerText =
    typeof headers === "object" && headers !== null ? Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}`).join("\n") : null;
  const bodyText = typeof body === "string" ? prettyText(body) : JSON.stringify(body ?? rest, null, 2);
  return { line, headers: headerText, body: bodyText ?? "(empty)" };
}

/** What one attempt sent and got back, every part of it as text. */
export function AttemptDetails({ attempt, onTrace }: { attempt: Attempt; onTrace: (position: number) => void }) {
  const request = requestParts(attempt.request);
  return (
    <div className="space-y-3 border-t border-zinc-100 bg-zinc-50/60 px-4 py-3 sm:px-5">
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">
          Events ({attempt.eventCount}
          {attempt.eventCount > attempt.events.length ? `, first ${attempt.events.length} shown` : ""})
        </h3>
        <ul className="mt-1 space-y-1">
          {attempt.events.map((event) => (
            <li key={event.position} className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
              <span className="font-medium text-zinc-800">{eventTitle(event)}</span>
              <span className="break-all font-mono text-xs text-zinc-500">{event.messageId}</span>
              <button type="button" onClick={() => onTrace(event.position)} className="rounded text-xs font-medium text-indigo-700 hover:underline">
                Trace across destinations
              </button>
            </li>
          ))}
          {attempt.events.length === 0 ? <li className="text-sm text-zinc-500">The events are no longer in the log.</li> : null}
        </ul>
      </div>
      {attempt.error ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Error</h3>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-red-700">{attempt.error}</p>
        </div>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="min-w-0">
          <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Request</h3>
          {request.line ? <p className="mt-1 break-all font-mono text-xs text-zinc-700">{request.line}</p> : null}
          {request.headers ? <JsonText value={request.headers} label="Request headers" className="mt-1 max-h-32" /> : null}
          <JsonText value={request.body} label="Request as sent" className="mt-1" />
        </div>
        <div className="min-w-0">
          <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Response</h3>
          <p className="mt-1 font-mono text-xs text-zinc-700">{attempt.responseStatus === null ? "No response" : `HTTP ${attempt.responseStatus}`}</p>
          <JsonText value={attempt.responseBody ? prettyText(attempt.responseBody) : "(empty)"} label="Response body" className="mt-1" />
        </div>
      </div>
    </div>
  );
}
