/** The fields of an event that say what it was and who it was about. */
export type EventLike = {
  type: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  payload?: Record<string, unknown>;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A short title: the track event's name, the page or screen name, or what the other types are about. */
export function eventTitle(e: EventLike): string {
  if (e.event) return e.event;
  const payload = e.payload ?? {};
  const traits = typeof payload.traits === "object" && payload.traits !== null ? (payload.traits as Record<string, unknown>) : {};
  switch (e.type) {
    case "identify":
      return text(traits.email) ?? text(traits.name) ?? "Identify";
    case "group":
      return text(payload.groupId) ? `Group ${text(payload.groupId)}` : "Group";
    case "alias":
      return text(payload.previousId) ? `Alias of ${text(payload.previousId)}` : "Alias";
    case "page":
      return "Page view";
    case "screen":
      return "Screen view";
    default:
      return e.type;
  }
}

/** The user an event is about: its userId, else its anonymousId. */
export function eventUser(e: EventLike): { id: string; anonymous: boolean } | null {
  if (e.userId) return { id: e.userId, anonymous: false };
  if (e.anonymousId) return { id: e.anonymousId, anonymous: true };
  return null;
}
