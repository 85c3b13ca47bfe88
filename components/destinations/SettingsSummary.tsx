import type { CatalogEntry, Destination } from "./destination-types";

function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object" && Object.keys(value).length === 0) return "None";
  return JSON.stringify(value);
}

/** The destination's settings as saved; secrets arrive masked from the server and stay masked. */
export function SettingsSummary({ destination, entry }: { destination: Destination; entry: CatalogEntry | null }) {
  const fields = entry?.settings ?? Object.keys(destination.settings).map((name) => ({ name, title: name, secret: false }));
  return (
    <dl className="divide-y divide-zinc-100 text-sm">
      {fields.map((field) => (
        <div key={field.name} className="py-2 first:pt-0 last:pb-0">
          <dt className="truncate text-xs font-medium text-zinc-500" title={field.title}>
            {field.title}
          </dt>
          <dd className={`mt-0.5 min-w-0 break-all text-zinc-800 ${field.secret ? "font-mono text-xs leading-5" : ""}`}>
            {field.secret && destination.settings[field.name] ? <span title="Secret: hidden once saved">{shown(destination.settings[field.name])}</span> : shown(destination.settings[field.name])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
