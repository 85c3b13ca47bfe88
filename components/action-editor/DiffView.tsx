"use client";

import { DiffEditor } from "@monaco-editor/react";
import { JSONATA_LANGUAGE } from "./monaco/jsonata-language";
import "./monaco/setup-monaco";

/**
 * Two versions side by side, in Monaco's diff editor. Its two models live at fixed paths and
 * are kept on unmount: disposing them first makes Monaco's diff widget throw while it resets.
 */
export default function DiffView({ original, modified }: { original: string; modified: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-zinc-300" data-testid="version-diff">
      <DiffEditor
        height="320px"
        originalModelPath="switchyard://versions/left.jsonata"
        modifiedModelPath="switchyard://versions/right.jsonata"
        keepCurrentOriginalModel
        keepCurrentModifiedModel language={JSONATA_LANGUAGE} original={original} modified={modified} options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, fontSize: 12, scrollBeyondLastLine: false, automaticLayout: true }} />
    </div>
  );
}
