/**
 * An entry's details as one line of plain text (`name: "Web" → "Website"`), rendered as text,
 * never as HTML.
 */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join("; ");
}

function valueText(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value) && "from" in value && "to" in value) {
    const change = value as { from: unknown; to: unknown };
    return `${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const fields = Object.entries(value).map(([key, inner]) => `${key}=${typeof inner === "string" ? inner : JSON.stringify(inner)}`);
    return `{ ${fields.join(", ")} }`;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The filters the audit page offers: an action prefix ("source.") or every action. */
export const AUDIT_FILTERS = [
  { value: "", label: "Everything" },
  { value: "source.", label: "Sources" },
  { value: "destination.", label: "Destinations" },
  { value: "connection.", label: "Connections" },
  { value: "action.", label: "Actions" },
  { value: "member.", label: "Members" },
  { value: "invitation.", label: "Invitations" },
  { value: "token.", label: "API tokens" },
  { value: "workspace.", label: "Workspace settings" },
] as const;
