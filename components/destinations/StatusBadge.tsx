const TONES: Record<string, string> = {
  succeeded: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  healthy: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  retrying: "bg-amber-50 text-amber-800 ring-amber-200",
  degraded: "bg-amber-50 text-amber-800 ring-amber-200",
  waiting: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  partial: "bg-orange-50 text-orange-800 ring-orange-200",
  failed: "bg-red-50 text-red-700 ring-red-200",
  paused: "bg-red-50 text-red-700 ring-red-200",
  "dead letter": "bg-red-50 text-red-700 ring-red-200",
  "no action matched": "bg-zinc-100 text-zinc-600 ring-zinc-200",
};

/** A delivery outcome or health state as a coloured label. */
export function StatusBadge({ status, className = "" }: { status: string; className?: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? "bg-zinc-100 text-zinc-700 ring-zinc-200"} ${className}`}>
      {status}
    </span>
  );
}
