"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { SettingField } from "./destination-types";
import { isMaskedSecret, type FieldValue } from "./settings-values";

type SettingInputProps = {
  id: string;
  field: SettingField;
  value: FieldValue;
  error: string | undefined;
  onChange: (value: FieldValue) => void;
};

const INPUT =
  "mt-1 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500";

/** One setting: its label, the input its type calls for, its description and its error. */
export function SettingInput({ id, field, value, error, onChange }: SettingInputProps) {
  const [replacing, setReplacing] = useState(false);
  const describedBy = [field.description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = error ? true : undefined;
  const text = typeof value === "string" ? value : "";
  const hiddenSecret = field.secret && !replacing && isMaskedSecret(value);

  let input;
  if (field.type === "boolean") {
    input = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={describedBy}
        className="size-4 rounded border-zinc-300 accent-zinc-900"
      />
    );
  } else if (hiddenSecret) {
    input = (
      <div className="mt-1 flex h-9 items-center justify-between gap-2 rounded-md border border-dashed border-zinc-300 bg-zinc-50 px-3 text-sm">
        <span id={id} className="truncate text-zinc-600" data-testid={`secret-${field.name}`}>
          Saved — hidden
        </span>
        <Button
          size="sm"
          variant="ghost"
          className="-mr-2"
          aria-label={`Replace ${field.title}`}
          onClick={() => {
            setReplacing(true);
            onChange("");
          }}
        >
          Replace
        </Button>
      </div>
    );
  } else if (field.options) {
    input = (
      <select id={id} value={text} onChange={(event) => onChange(event.target.value)} aria-invalid={invalid} aria-describedby={describedBy} className={`${INPUT} h-9 px-2.5`}>
        {field.required && field.default !== undefined ? null : <option value="">—</option>}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "object" || field.type === "array") {
    input = (
      <textarea
        id={id}
        value={text}
        rows={3}
        spellCheck={false}
        placeholder={field.type === "array" ? '["…"]' : '{"Authorization": "Bearer …"}'}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={`${INPUT} py-2 font-mono text-xs`}
      />
    );
  } else {
    const type = field.secret ? "password" : field.type === "number" || field.type === "integer" ? "number" : field.format === "uri" ? "url" : "text";
    input = (
      <input
        id={id}
        type={type}
        value={text}
        autoComplete={field.secret ? "new-password" : "off"}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={`${INPUT} h-9`}
      />
    );
  }

  return (
    <div className={field.type === "boolean" ? "flex items-start gap-2.5" : undefined}>
      {field.type === "boolean" ? <div className="pt-0.5">{input}</div> : null}
      <div className="min-w-0 flex-1">
        <label htmlFor={hiddenSecret ? undefined : id} className="block text-sm font-medium text-zinc-700">
          {field.title}
          {field.required && field.default === undefined ? (
            <span className="text-red-700" aria-hidden="true">
              {" "}
              *
            </span>
          ) : null}
          {field.secret ? <span className="ml-1.5 rounded bg-zinc-100 px-1 py-0.5 text-[11px] font-medium text-zinc-500">secret</span> : null}
        </label>
        {field.type === "boolean" ? null : input}
        {field.description ? (
          <p id={`${id}-description`} className="mt-1 text-xs leading-5 text-zinc-500">
            {field.description}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {field.title} {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
