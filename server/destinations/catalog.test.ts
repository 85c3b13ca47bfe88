import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { compileMapping } from "../mapping/compile";
import { evaluateMapping } from "../mapping/evaluate";
import { validatePayload } from "../mapping/validate-payload";
import { compileTrigger } from "../triggers/compile";
import { catalogView, destinationCatalog, getActionDefinition, getDestinationDefinition } from "./catalog";
import { readDefaultMapping } from "./default-actions";
import { sampleEvent } from "./testing/samples";
import type { SampleName } from "./testing/samples";

const SAMPLES: SampleName[] = ["identify", "track", "page", "screen", "group", "alias", "order-completed"];
const actions = destinationCatalog.flatMap((destination) => destination.actions.map((action) => ({ destination, action })));

describe("the catalog", () => {
  it("has unique destination keys and names, and unique action keys within each", () => {
    const keys = destinationCatalog.map((destination) => destination.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(destinationCatalog.map((destination) => destination.name)).size).toBe(keys.length);
    for (const destination of destinationCatalog) {
      const actionKeys = destination.actions.map((action) => action.key);
      expect(new Set(actionKeys).size, destination.key).toBe(actionKeys.length);
    }
  });

  it("declares regions with a default among them, and secrets that are settings", () => {
    for (const destination of destinationCatalog) {
      if (destination.regions) expect(Object.keys(destination.regions), destination.key).toContain(destination.defaultRegion);
      for (const secret of destination.secretSettings) expect(Object.keys(destination.settings.shape), destination.key).toContain(secret);
    }
  });

  it("finds destinations and actions by key, and names the known ones otherwise", () => {
    expect(getDestinationDefinition("mixpanel").name).toBe("Mixpanel");
    expect(() => getDestinationDefinition("nope")).toThrow(AppError);
    const known = destinationCatalog.map((destination) => destination.key).join(", ");
    expect(known).toMatch(/^webhook, slack, mixpanel, amplitude, customerio, segment/);
    expect(() => getDestinationDefinition("nope")).toThrow(`No destination "nope" in the catalog (known: ${known})`);
    expect(getActionDefinition(getDestinationDefinition("slack"), "postMessage").title).toBe("Post Message");
    expect(() => getActionDefinition(getDestinationDefinition("slack"), "send")).toThrow('Slack has no action "send" (it has: postMessage)');
  });

  it.each(actions.map(({ destination, action }) => [`${destination.key}.${action.key}`, destination, action] as const))(
    "%s: the default trigger parses, the default mapping compiles and gives a valid payload for each sample it matches",
    async (_name, _destination, action) => {
      const matches = compileTrigger(action.defaultTrigger);
      const mapping = compileMapping(readDefaultMapping(action));
      const matched = SAMPLES.filter((sample) => matches(sampleEvent(sample)));
      expect(matched.length).toBeGreaterThan(0);
      for (const sample of matched) {
        const payload = await evaluateMapping(mapping, sampleEvent(sample), { timeoutMs: 2_000 });
        const validation = validatePayload(payload, action.fields);
        expect(validation.ok ? [] : validation.issues, sample).toEqual([]);
      }
    },
  );
});

describe("catalogView", () => {
  const view = catalogView();

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("describes settings with type, required, secret, default and choices", () => {
    const mixpanel = view.find((entry) => entry.key === "mixpanel");
    expect(mixpanel?.settings).toEqual([
      expect.objectContaining({ name: "projectToken", title: "Project token", type: "string", required: true, secret: false }),
      expect.objectContaining({ name: "apiSecret", title: "API secret", type: "string", required: false, secret: true }),
      expect.objectContaining({ name: "groupKey", required: false, default: "company_id" }),
      expect.objectContaining({ name: "region", required: false, default: "US", options: ["US", "EU", "IN"] }),
      expect.objectContaining({ name: "baseUrl", required: false, advanced: true, format: "uri" }),
    ]);
    expect(mixpanel?.regions).toEqual({ US: "https://api.mixpanel.com", EU: "https://api-eu.mixpanel.com", IN: "https://api-in.mixpanel.com" });
  });

  it("lists actions with their default triggers and batch limits", () => {
    const webhook = view.find((entry) => entry.key === "webhook");
    expect(webhook).toMatchObject({ regions: {}, defaultRegion: null, keepsUserOrder: false, canTestConnection: false });
    expect(webhook?.actions).toEqual([
      { key: "send", title: "Send", description: expect.any(String), defaultTrigger: "all", batch: { maxEvents: 100, maxBytes: 524288 } },
      { key: "customRequest", title: "Custom HTTP request", description: expect.any(String), defaultTrigger: 'type = "track"', batch: null },
    ]);
    expect(view.find((entry) => entry.key === "customerio")?.canTestConnection).toBe(true);
  });
});
