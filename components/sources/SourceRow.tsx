"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Source } from "@/components/trpc/router-types";
import { EnabledSwitch } from "./EnabledSwitch";
import { InstallPanel } from "./InstallPanel";
import { LastEvent } from "./LastEvent";
import { SourceActions } from "./SourceActions";
import { SourceField } from "./SourceField";
import { RenameSourceForm } from "./RenameSourceForm";
import { SourceName } from "./SourceName";
import { WriteKey } from "./WriteKey";
import { SOURCE_GRID_COLUMNS } from "./source-grid";

export function SourceRow({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const nameId = useId();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  // Back to the Rename button once the form is gone (after the commit that re-enables it).
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <li
      aria-labelledby={nameId}
      className={`grid grid-cols-2 gap-x-4 gap-y-4 px-4 py-4 sm:px-5 md:items-start xl:items-center ${SOURCE_GRID_COLUMNS} ${source.enabled ? "" : "bg-zinc-50/70"}`}
    >
      <div className="col-span-2 min-w-0 md:col-span-1 md:self-center">
        {renaming ? (
          <RenameSourceForm workspaceId={workspaceId} source={source} nameId={nameId} onDone={() => setRenaming(false)} />
        ) : (
          <SourceName source={source} nameId={nameId} href={`/w/${encodeURIComponent(workspaceId)}/sources/${encodeURIComponent(source.id)}`} />
        )}
      </div>
      <SourceField label="Write key" className="col-span-2 md:order-3 md:col-span-1 xl:order-none">
        <WriteKey key={source.writeKey} writeKey={source.writeKey} sourceName={source.name} />
      </SourceField>
      <SourceField label="Status" className="md:order-4 xl:order-none">
        <EnabledSwitch workspaceId={workspaceId} source={source} />
      </SourceField>
      <SourceField label="Last event" className="md:order-5 xl:order-none">
        <LastEvent at={source.lastEventAt} />
      </SourceField>
      <div className="col-span-2 md:order-2 md:self-center xl:order-none xl:col-span-1">
        <SourceActions workspaceId={workspaceId} source={source} renameButton={renameButton} onRename={() => setRenaming(true)} renaming={renaming} />
      </div>
      {source.kind === "javascript" ? (
        <div className="col-span-2 min-w-0 md:order-last md:col-span-3 xl:col-span-5">
          <InstallPanel workspaceId={workspaceId} source={source} />
        </div>
      ) : null}
    </li>
  );
}
