import type { ReactNode } from "react";

/** One value of a source row: labelled above its value on narrow screens, by the header row in the table layout. */
export function SourceField({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <div className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500 xl:sr-only">{label}</div>
      <div className="flex min-h-8 items-center">{children}</div>
    </div>
  );
}
