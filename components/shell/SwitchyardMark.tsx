/** The rail-switch mark of app/icon.svg, for the header. */
export function SwitchyardMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" fill="#18181b" />
      <path d="M6 22h20" fill="none" stroke="#fafafa" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M6 22c9 0 9-11 20-11" fill="none" stroke="#818cf8" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="6" cy="22" r="2.5" fill="#fafafa" />
    </svg>
  );
}
