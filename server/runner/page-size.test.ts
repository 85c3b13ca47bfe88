import { describe, expect, it } from "vitest";
import { getDestinationDefinition } from "../destinations/catalog";
import { DEFAULT_PAGE_SIZE, pageSizeFor } from "./destination-delivery";
import { toRunnableAction, type RunnableAction } from "./runnable-action";

/** A destination's default actions, runnable (a mapping that compiles stands in for each file). */
function defaultActions(type: string): RunnableAction[] {
  const definition = getDestinationDefinition(type);
  return definition.actions
    .filter((a) => !a.addedByUser)
    .map((a) => toRunnableAction(definition, { id: a.key, key: a.key, name: a.title, trigger: a.defaultTrigger, mapping: "$", enabled: true, version: 1 }))
    .filter((a): a is RunnableAction => "matches" in a);
}

describe("pageSizeFor", () => {
  it("fills the destination's largest batch, within 500 and 2,000 events", () => {
    expect(pageSizeFor(defaultActions("mixpanel"))).toBe(2_000);
    expect(pageSizeFor(defaultActions("posthog"))).toBe(1_000);
    expect(pageSizeFor(defaultActions("webhook"))).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeFor(defaultActions("slack"))).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeFor([])).toBe(DEFAULT_PAGE_SIZE);
  });
});
