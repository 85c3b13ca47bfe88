import { describe, expect, it } from "vitest";
import { getDestinationDefinition } from "../destinations/catalog";
import { defaultActionsFor } from "../destinations/default-actions";
import type { UnparsedEvent } from "../events/event-store";
import { planPage } from "./plan-page";
import { toRunnableAction, type RunnableAction } from "./runnable-action";

const webhook = getDestinationDefinition("webhook");

/** The webhook's "send" action with a trigger of our choosing. */
function sendAction(trigger: string): RunnableAction {
  const row = defaultActionsFor("webhook").find((action) => action.key === "send")!;
  return toRunnableAction(webhook, { id: `send ${trigger}`, version: 1, ...row, trigger }) as RunnableAction;
}

function stored(position: number, type: string, payloadJson: string): UnparsedEvent {
  return { workspaceId: "w", sourceId: "s", position, messageId: `m${position}`, type, userId: "u", anonymousId: null, event: null, timestamp: 0, receivedAt: 0, payloadJson };
}

const NAMES = { catalogName: webhook.name, destinationName: "Webhook" };
/** A payload that cannot be parsed: planning fails if it reads it. */
const UNREADABLE = "{ not json";

describe("planPage", () => {
  it("never parses an event that no trigger takes by its type, when the triggers read only the type", async () => {
    const track = JSON.stringify({ type: "track", event: "Signed Up", userId: "u", messageId: "m2" });
    const events = [stored(1, "identify", UNREADABLE), stored(2, "track", track), stored(3, "page", UNREADABLE)];
    const [plan] = await planPage(events, [sendAction('type = "track" or type = "screen"')], NAMES);
    expect(plan!.deliveries.map((d) => d.event.position)).toEqual([2]);
    expect(plan!.failures).toEqual([]);
  });

  it("parses every event when any trigger reads more than the type", async () => {
    const events = [stored(1, "identify", UNREADABLE)];
    await expect(planPage(events, [sendAction('type = "track"'), sendAction("properties.total > 1")], NAMES)).rejects.toThrow(SyntaxError);
  });
});
