"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import type * as Monaco from "monaco-editor/editor/editor.api.js";
import { completionContext, JSONATA_LANGUAGE } from "./monaco/jsonata-language";
import { monaco } from "./monaco/setup-monaco";
import type { EditorMarker } from "./markers";

type JsonataEditorProps = {
  value: string;
  onChange(value: string): void;
  markers: EditorMarker[];
  eventPaths: string[];
  fieldNames: string[];
  height?: string;
  label: string;
};

/** The mapping as JSONata in Monaco: highlighting, brackets, completion, errors at their position. */
export default function JsonataEditor({ value, onChange, markers, eventPaths, fieldNames, height, label }: JsonataEditorProps) {
  // The whole mapping in view (the page scrolls), up to a limit
  const fitted = height ?? `${Math.min(1600, Math.max(280, (value.split("\n").length + 2) * 19))}px`;
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    completionContext.eventPaths = eventPaths;
    completionContext.fieldNames = fieldNames;
  }, [eventPaths, fieldNames]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "switchyard",
      markers.map((m) => ({ severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: m.column + Math.max(1, m.length) })),
    );
  }, [markers]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
  };

  return (
    <div className="overflow-hidden rounded-md border border-zinc-300" data-testid="jsonata-editor" aria-label={label}>
      <Editor
        height={fitted}
        language={JSONATA_LANGUAGE}
        value={value}
        onChange={(next) => onChange(next ?? "")}
        onMount={onMount}
        options={{ minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, wordWrap: "on", automaticLayout: true, fixedOverflowWidgets: true }}
        loading={<div className="p-4 text-sm text-zinc-500">Loading the editor…</div>}
      />
    </div>
  );
}
