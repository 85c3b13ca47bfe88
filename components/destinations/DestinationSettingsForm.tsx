"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ConnectionTest } from "./ConnectionTest";
import type { SavedDestination, SettingField } from "./destination-types";
import { SettingInput } from "./SettingInput";
import { initialFormValues, toSettings, type FieldValue, type FormValues } from "./settings-values";
import { useCatalog } from "./use-catalog";
import { useConnectionTest } from "./use-connection-test";

export type DestinationSettingsFormProps = {
  workspaceId: string;
  /** Catalog key, e.g. "webhook". */
  destinationType: string;
  /** Saved settings (secrets masked) when editing; defaults otherwise. */
  initialValues?: Record<string, unknown>;
  /** Set when editing a saved destination; without it the form creates one (and asks for a name). */
  destinationId?: string;
  onSaved: (destination: SavedDestination) => void;
};

const NAME_FIELD = "__name";

/**
 * A destination's settings as a form generated from its catalog entry: field-level messages
 * (checked here first, then by the server), secrets as password inputs and shown as
 * "Saved — hidden" once saved, and the connection test where the destination has one.
 */
export function DestinationSettingsForm(props: DestinationSettingsFormProps) {
  const catalog = useCatalog();
  const entry = catalog.data?.find((e) => e.key === props.destinationType);
  if (catalog.isPending) return <p className="text-sm text-zinc-500">Loading the settings…</p>;
  if (catalog.isError) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">The catalog could not be loaded: {errorMessage(catalog.error)}</p>;
  if (!entry) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">Unknown destination type “{props.destinationType}”.</p>;
  return <SettingsForm {...props} fields={entry.settings} defaultName={entry.name} canTest={entry.canTestConnection} key={`${props.destinationType}:${props.destinationId ?? "new"}`} />;
}

type SettingsFormProps = DestinationSettingsFormProps & { fields: SettingField[]; defaultName: string; canTest: boolean };

function SettingsForm({ workspaceId, destinationType, initialValues, destinationId, onSaved, fields, defaultName, canTest }: SettingsFormProps) {
  const id = useId();
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => initialFormValues(fields, initialValues));
  const [name, setName] = useState(defaultName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const creating = destinationId === undefined;
  const basic = useMemo(() => fields.filter((f) => !f.advanced), [fields]);
  const advanced = useMemo(() => fields.filter((f) => f.advanced), [fields]);

  function showServerErrors(fieldErrors: Record<string, string[] | undefined>) {
    const next: Record<string, string> = {};
    for (const [field, messages] of Object.entries(fieldErrors)) if (messages?.[0]) next[field] = messages[0];
    setErrors(next);
    focusFirstError(next);
  }

  function focusFirstError(next: Record<string, string>) {
    const first = [NAME_FIELD, ...fields.map((f) => f.name)].find((f) => next[f]);
    if (!first) return;
    // Advanced settings are folded away: unfold them when one of them is wrong.
    const details = formRef.current?.querySelector("details");
    if (details && advanced.some((f) => f.name === first)) details.open = true;
    requestAnimationFrame(() => document.getElementById(`${id}-${first}`)?.focus());
  }

  const test = useConnectionTest(showServerErrors);

  function saved(destination: SavedDestination) {
    setValues(initialFormValues(fields, destination.settings));
    setGeneration((g) => g + 1);
    setErrors({});
    setSavedAt(Date.now());
    onSaved(destination);
  }

  function failed(error: { message: string; data?: { zodError?: { fieldErrors: Record<string, string[] | undefined> } | null } | null }) {
    const fieldErrors = error.data?.zodError?.fieldErrors;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) {
      const { name: nameErrors, settings: settingsErrors, ...rest } = fieldErrors;
      showServerErrors({ ...rest, ...(nameErrors ? { [NAME_FIELD]: nameErrors } : {}) });
      setFormError(settingsErrors?.[0] ?? null);
    } else {
      setFormError(errorMessage(error));
    }
  }

  const create = useMutation(trpc.destinations.create.mutationOptions({ onSuccess: saved, onError: failed }));
  const update = useMutation(trpc.destinations.updateSettings.mutationOptions({ onSuccess: saved, onError: failed }));
  const pending = create.isPending || update.isPending;

  function collect(): Record<string, unknown> | null {
    const { settings, errors: local } = toSettings(fields, values);
    if (creating && name.trim() === "") local[NAME_FIELD] = "is required";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return null;
    }
    return settings;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedAt(null);
    const settings = collect();
    if (!settings) return;
    if (destinationId) update.mutate({ workspaceId, id: destinationId, settings });
    else create.mutate({ workspaceId, type: destinationType, name: name.trim(), settings });
  }

  function runTest() {
    const settings = collect();
    if (settings) test.run({ workspaceId, type: destinationType, settings, destinationId });
  }

  function change(field: string, value: FieldValue) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
    setSavedAt(null);
    if (test.state.status !== "idle") test.reset();
  }

  const input = (field: SettingField) => (
    <SettingInput key={`${field.name}:${generation}`} id={`${id}-${field.name}`} field={field} value={values[field.name] ?? ""} error={errors[field.name]} onChange={(v) => change(field.name, v)} />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-label={creating ? "New destination settings" : "Destination settings"}>
      {creating ? (
        <div>
          <label htmlFor={`${id}-${NAME_FIELD}`} className="block text-sm font-medium text-zinc-700">
            Name
            <span className="text-red-700" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
          <input
            id={`${id}-${NAME_FIELD}`}
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              setErrors(({ [NAME_FIELD]: _dropped, ...rest }) => rest);
            }}
            aria-invalid={errors[NAME_FIELD] ? true : undefined}
            aria-describedby={errors[NAME_FIELD] ? `${id}-${NAME_FIELD}-error` : undefined}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm aria-invalid:border-red-500"
          />
          {errors[NAME_FIELD] ? (
            <p id={`${id}-${NAME_FIELD}-error`} className="mt-1 text-sm text-red-700">
              Name {errors[NAME_FIELD]}
            </p>
          ) : null}
        </div>
      ) : null}
      {basic.map(input)}
      {advanced.length > 0 ? (
        <details className="rounded-md border border-zinc-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-zinc-700">Advanced settings</summary>
          <div className="mt-3 space-y-4">{advanced.map(input)}</div>
        </details>
      ) : null}
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 pt-4">
        {canTest ? <ConnectionTest state={test.state} onTest={runTest} disabled={pending} /> : <span />}
        <div className="flex items-center gap-3">
          {savedAt ? (
            <span role="status" className="text-sm text-emerald-700">
              Saved
            </span>
          ) : null}
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : creating ? "Create destination" : "Save settings"}
          </Button>
        </div>
      </div>
    </form>
  );
}
