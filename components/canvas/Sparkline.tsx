/** Events per minute over the last hour as a small line, newest on the right. */
export function Sparkline({ counts, className = "" }: { counts: readonly number[]; className?: string }) {
  const width = 120;
  const height = 24;
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : width;
  const points = counts.map((c, i) => `${(i * step).toFixed(1)},${(height - 1 - (c / max) * (height - 2)).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" className={className} preserveAspectRatio="none">
      <polyline points={`0,${height} ${points} ${width},${height}`} className="fill-emerald-500/10 stroke-none" />
      <polyline points={points} fill="none" strokeWidth={1.5} strokeLinejoin="round" className="stroke-emerald-600" />
    </svg>
  );
}
