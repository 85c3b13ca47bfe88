import type { AuditEntry } from "@/components/trpc/router-types";
import { detailsText } from "./audit-text";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className="w-full divide-y divide-zinc-200 text-sm">
        <thead className="bg-zinc-50 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-4 py-2.5">When (UTC)</th>
            <th scope="col" className="px-4 py-2.5">Who</th>
            <th scope="col" className="px-4 py-2.5">What</th>
            <th scope="col" className="px-4 py-2.5">Target</th>
            <th scope="col" className="px-4 py-2.5">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-2.5 text-zinc-600">
                <time dateTime={entry.createdAt}>{when.format(new Date(entry.createdAt))}</time>
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 text-zinc-900">{entry.actorLabel}</td>
              <td className="whitespace-nowrap px-4 py-2.5">
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{entry.action}</code>
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 text-zinc-600">
                {entry.targetType}
                {entry.targetId ? <span className="ml-1 font-mono text-xs text-zinc-500">{entry.targetId}</span> : null}
              </td>
              <td className="min-w-80 px-4 py-2.5 font-mono text-xs text-zinc-700 [overflow-wrap:anywhere]">{detailsText(entry.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
