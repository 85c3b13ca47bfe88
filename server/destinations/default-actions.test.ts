import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultActionsFor } from "./default-actions";

describe("defaultActionsFor", () => {
  it("gives each action of the destination with its trigger and mapping text, enabled", () => {
    const actions = defaultActionsFor("mixpanel");
    expect(actions.map(({ key, name, trigger, enabled }) => ({ key, name, trigger, enabled }))).toEqual([
      { key: "trackEvent", name: "Track Event", trigger: 'type = "track"', enabled: true },
      { key: "trackPage", name: "Track Page View", trigger: 'type = "page"', enabled: true },
      { key: "trackScreen", name: "Track Screen View", trigger: 'type = "screen"', enabled: true },
      { key: "identifyUser", name: "Identify User", trigger: 'type = "identify"', enabled: true },
      { key: "groupIdentify", name: "Group Identify", trigger: 'type = "group"', enabled: true },
      { key: "alias", name: "Alias", trigger: 'type = "alias"', enabled: true },
    ]);
    expect(actions[0]?.mapping).toBe(readFileSync("mappings/mixpanel/track-event.jsonata", "utf8").trimEnd());
  });

  it("throws for a destination the catalog does not have", () => {
    expect(() => defaultActionsFor("nope")).toThrow('No destination "nope" in the catalog');
  });
});
