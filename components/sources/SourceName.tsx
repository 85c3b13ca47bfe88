import Link from "next/link";
import type { Source } from "@/components/trpc/router-types";
import { sourceKindLabel } from "./source-kinds";

/** The source's name, linking to its page (write key, install snippets, live events). */
export function SourceName({ source, nameId, href }: { source: Source; nameId: string; href: string }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 xl:flex-col xl:items-start">
      <Link href={href} className="min-w-0 max-w-full truncate rounded font-medium text-zinc-900 underline-offset-4 hover:underline" title={source.name}>
        <span id={nameId}>{source.name}</span>
      </Link>
      <span className="inline-flex w-fit items-center rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600">
        {sourceKindLabel(source.kind)}
      </span>
    </div>
  );
}
