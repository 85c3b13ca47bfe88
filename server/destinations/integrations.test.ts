import { describe, expect, it } from "vitest";
import { allowedByIntegrations } from "./integrations";

/** integrations object → reaches a Mixpanel destination named "Mixpanel EU"? */
const CASES: Array<[unknown, boolean]> = [
  [undefined, true],
  [{}, true],
  [{ All: true }, true],
  [{ All: false }, false],
  [{ All: false, Mixpanel: true }, true],
  [{ All: false, Mixpanel: {} }, true],
  [{ All: false, Mixpanel: { sessionId: 12 } }, true],
  [{ All: false, Amplitude: true }, false],
  [{ Mixpanel: false }, false],
  [{ Slack: false }, true],
  [{ All: true, Mixpanel: false }, false],
  [{ "Mixpanel EU": false }, false],
  [{ "Mixpanel EU": true, Mixpanel: false }, true],
  [{ All: false, "Mixpanel EU": true }, true],
  [{ Mixpanel: null }, true],
  [{ mixpanel: false }, true],
  [{ All: "false" }, true],
  ["not an object", true],
  [[false], true],
];

describe("allowedByIntegrations", () => {
  it.each(CASES)("%j → %s", (integrations, expected) => {
    expect(allowedByIntegrations({ type: "track", integrations }, "Mixpanel", "Mixpanel EU")).toBe(expected);
  });

  it("reads only the event's own integrations", () => {
    expect(allowedByIntegrations(Object.create({ integrations: { All: false } }), "Mixpanel", "Mixpanel")).toBe(true);
    expect(allowedByIntegrations(null, "Mixpanel", "Mixpanel")).toBe(true);
  });
});
