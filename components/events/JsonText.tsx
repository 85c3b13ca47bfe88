/**
 * A JSON value (or any text) pretty-printed in a <pre>. It is rendered as a text node, so
 * markup inside the data is shown as characters and never interpreted.
 */
export function JsonText({ value, label, className = "" }: { value: unknown; label: string; className?: string }) {
  const body = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={`max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100 ${className}`}
    >
      {body}
    </pre>
  );
}
