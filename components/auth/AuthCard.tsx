import type { ReactNode } from "react";
import { SwitchyardMark } from "@/components/shell/SwitchyardMark";

/** The frame of the sign-in, sign-up and invitation pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center bg-zinc-50 px-4 py-16 sm:items-center sm:py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 font-semibold tracking-tight text-zinc-900">
          <SwitchyardMark className="size-8" />
          <span className="text-lg">Switchyard</span>
        </div>
        <section className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-zinc-900">{title}</h1>
          {intro ? <div className="mt-1 text-sm text-zinc-600">{intro}</div> : null}
          <div className="mt-5">{children}</div>
        </section>
      </div>
    </main>
  );
}
