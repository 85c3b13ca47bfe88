const LABELS: Record<string, string> = {
  http: "HTTP API",
  javascript: "JavaScript",
  node: "Node.js",
  python: "Python",
  go: "Go",
};

export function sourceKindLabel(kind: string): string {
  return LABELS[kind] ?? kind;
}
