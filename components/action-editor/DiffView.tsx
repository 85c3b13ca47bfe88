"use client";

import { DiffEditor } from "@monaco-editor/react";
import { JSONATA_LANGUAGE } from "./monaco/jsonata-language";
import "./monaco/setup-monaco";

/** Two versions side by side, in Monaco's diff editor. */
export default function DiffView({ original, modified }: { original: string; modified: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-zinc-300" data-testid="version-diff">
      <DiffEditor height="320px" language={JSONATA_LANGUAGE} original={original} modified={modified} options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, fontSize: 12, scrollBeyondLastLine: false, automaticLayout: true }} />
    </div>
  );
}
