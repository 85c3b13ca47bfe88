import { describe, expect, it } from "vitest";
import { enrichContext } from "./enrich-context";
import { normalizeEvent, receivedNow } from "./normalize";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const EDGE_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

const facts = { ip: "203.0.113.7" };

describe("context enrichment", () => {
  it("adds the client address when the event has none", () => {
    const event: Record<string, unknown> = { type: "track", event: "E" };
    enrichContext(event, facts);
    expect(event.context).toEqual({ ip: "203.0.113.7" });
  });

  it("keeps an address the sender gave, on the event or on its batch", () => {
    const own: Record<string, unknown> = { context: { ip: "198.51.100.1" } };
    enrichContext(own, facts);
    expect(own.context).toEqual({ ip: "198.51.100.1" });
    const batched: Record<string, unknown> = { context: {} };
    enrichContext(batched, facts, { ip: "198.51.100.2" });
    expect(batched.context).toEqual({});
  });

  it("adds nothing when the address is unknown and there is no user agent", () => {
    const event: Record<string, unknown> = {};
    enrichContext(event, { ip: null });
    expect(event).toEqual({});
  });

  it.each([
    [CHROME_LINUX, { brands: [{ brand: "Google Chrome", version: "140" }, { brand: "Chromium", version: "140" }], mobile: false, platform: "Linux" }],
    [SAFARI_IPHONE, { brands: [{ brand: "Mobile Safari", version: "17" }], mobile: true, platform: "iOS" }],
    [EDGE_MAC, { brands: [{ brand: "Microsoft Edge", version: "120" }, { brand: "Chromium", version: "120" }], mobile: false, platform: "macOS" }],
  ])("parses user agent data from %s", (userAgent, expected) => {
    const event: Record<string, unknown> = { context: { userAgent } };
    enrichContext(event, facts);
    expect(event.context).toEqual({ userAgent, ip: "203.0.113.7", userAgentData: expected });
  });

  it("keeps user agent data the SDK sent (analytics-next sends the browser's own)", () => {
    const sent = { brands: [{ brand: "Brave", version: "1" }], mobile: false, platform: "Windows" };
    const event: Record<string, unknown> = { context: { userAgent: CHROME_LINUX, userAgentData: sent } };
    enrichContext(event, facts);
    expect((event.context as Record<string, unknown>).userAgentData).toBe(sent);
  });

  it("takes the user agent of the batch when the event has none", () => {
    const event: Record<string, unknown> = { context: {} };
    enrichContext(event, facts, { userAgent: SAFARI_IPHONE });
    expect((event.context as { userAgentData: { platform: string } }).userAgentData.platform).toBe("iOS");
  });

  it("ignores an absurdly long user agent", () => {
    const event: Record<string, unknown> = { context: { userAgent: "x".repeat(5_000) } };
    enrichContext(event, { ip: null });
    expect(event.context).toEqual({ userAgent: "x".repeat(5_000) });
  });

  it("parses the same user agent once", () => {
    const first: Record<string, unknown> = { context: { userAgent: EDGE_MAC } };
    const second: Record<string, unknown> = { context: { userAgent: EDGE_MAC } };
    enrichContext(first, facts);
    enrichContext(second, facts);
    const data = (e: Record<string, unknown>) => (e.context as { userAgentData: object }).userAgentData;
    expect(data(second)).toBe(data(first));
    expect(Object.isFrozen(data(first))).toBe(true);
  });

  it("keeps the page and the UTM campaign through normalisation", () => {
    const page = { path: "/pricing", referrer: "https://news.example/", search: "?utm_source=news&utm_campaign=spring", title: "Pricing", url: "https://shop.example/pricing?utm_source=news&utm_campaign=spring" };
    const campaign = { source: "news", name: "spring", medium: "email", term: "shoes", content: "hero" };
    const event: Record<string, unknown> = { anonymousId: "a1", properties: {}, context: { page, campaign, userAgent: CHROME_LINUX } };
    enrichContext(event, facts);
    const stored = normalizeEvent(event, "page", { id: "s", workspaceId: "w" }, receivedNow());
    const context = (JSON.parse(stored.payload) as { context: Record<string, unknown> }).context;
    expect(context.page).toEqual(page);
    expect(context.campaign).toEqual(campaign);
    expect(context.ip).toBe("203.0.113.7");
    expect(context.userAgentData).toMatchObject({ platform: "Linux" });
  });
});
