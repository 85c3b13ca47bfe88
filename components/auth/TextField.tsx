import { useId, type ComponentProps, type Ref } from "react";

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & { label: string; error?: string | null; hint?: string; inputRef?: Ref<HTMLInputElement> };

/** A labelled input with its error (or hint) below it, linked for screen readers. */
export function TextField({ label, error, hint, inputRef, ...input }: TextFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500"
        {...input}
      />
      {note ? (
        <p id={noteId} className={`mt-1 text-sm ${error ? "text-red-700" : "text-zinc-500"}`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}
