import type { ReactNode } from "react";

/** A titled card of the destination page. */
export function Panel({ id, title, actions, children, flush = false }: { id: string; title: string; actions?: ReactNode; children: ReactNode; flush?: boolean }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      <div className="flex min-h-12 flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 sm:px-5">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
          {title}
        </h2>
        {actions}
      </div>
      <div className={flush ? "" : "p-4 sm:p-5"}>{children}</div>
    </section>
  );
}
