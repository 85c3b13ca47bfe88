import type { RefObject } from "react";

type SourceNameInputProps = {
  id: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
};

/** The name field of a new source, with its message under it. */
export function SourceNameInput({ id, value, onChange, error, inputRef, autoFocus }: SourceNameInputProps) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700">
        Name
      </label>
      <input
        ref={inputRef}
        id={id}
        value={value}
        maxLength={100}
        autoFocus={autoFocus}
        placeholder="e.g. Website, Checkout API"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500"
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
