const TONES: Record<string, string> = {
  track: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  identify: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  page: "bg-sky-50 text-sky-700 ring-sky-200",
  screen: "bg-cyan-50 text-cyan-700 ring-cyan-200",
  group: "bg-amber-50 text-amber-800 ring-amber-200",
  alias: "bg-fuchsia-50 text-fuchsia-700 ring-fuchsia-200",
};

export function TypeBadge({ type }: { type: string }) {
  return (
    <span className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[type] ?? "bg-zinc-100 text-zinc-700 ring-zinc-200"}`}>
      {type}
    </span>
  );
}
