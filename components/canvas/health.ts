export const HEALTH_STYLES: Record<string, { label: string; badge: string; dot: string }> = {
  healthy: { label: "Healthy", badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/20", dot: "bg-emerald-500" },
  degraded: { label: "Degraded", badge: "bg-amber-50 text-amber-900 ring-amber-600/30", dot: "bg-amber-500" },
  paused: { label: "Paused", badge: "bg-red-50 text-red-800 ring-red-600/20", dot: "bg-red-500" },
};

export function healthStyle(health: string) {
  return HEALTH_STYLES[health] ?? HEALTH_STYLES.healthy!;
}
