import type { Source } from "@/components/trpc/router-types";
import { sourceKindLabel } from "./source-kinds";

export function SourceName({ source, nameId }: { source: Source; nameId: string }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 xl:flex-col xl:items-start">
      <span id={nameId} className="min-w-0 max-w-full truncate font-medium text-zinc-900" title={source.name}>
        {source.name}
      </span>
      <span className="inline-flex w-fit items-center rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600">
        {sourceKindLabel(source.kind)}
      </span>
    </div>
  );
}
