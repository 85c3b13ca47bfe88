import { UAParser } from "ua-parser-js";
import { isPlainObject } from "./spec";

/** What the connection tells about the sender, worked out once per request. */
export type RequestFacts = {
  /** The client's address (after trusted proxies), or null when unknown. */
  ip: string | null;
};

/** The shape of the browser's NavigatorUAData (low-entropy part), as analytics-next sends it. */
export type UserAgentData = {
  brands: { brand: string; version: string }[];
  mobile: boolean;
  platform: string;
};

const BRAND_NAMES: Record<string, string> = {
  Chrome: "Google Chrome",
  "Chrome Headless": "HeadlessChrome",
  Edge: "Microsoft Edge",
};

const PLATFORM_NAMES: Record<string, string> = {
  "Mac OS": "macOS",
  "Chromium OS": "Chrome OS",
};

function parseUserAgent(userAgent: string): UserAgentData {
  const { browser, engine, os, device } = UAParser(userAgent);
  const brands: UserAgentData["brands"] = [];
  if (browser.name) brands.push({ brand: BRAND_NAMES[browser.name] ?? browser.name, version: browser.major ?? "" });
  const engineMajor = engine.version?.split(".")[0];
  if (engine.name === "Blink" && browser.name !== "Chromium" && engineMajor) brands.push({ brand: "Chromium", version: engineMajor });
  return {
    brands,
    mobile: device.type === "mobile",
    platform: os.name ? (PLATFORM_NAMES[os.name] ?? os.name) : "",
  };
}

/** A small least-recently-used cache: a site's visitors share a handful of user agents. */
class UserAgentCache {
  private readonly entries = new Map<string, UserAgentData>();

  constructor(private readonly capacity: number) {}

  get(userAgent: string): UserAgentData {
    const found = this.entries.get(userAgent);
    if (found) {
      this.entries.delete(userAgent);
      this.entries.set(userAgent, found);
      return found;
    }
    // Shared by every event with this user agent, so frozen.
    const parsed = parseUserAgent(userAgent);
    parsed.brands.forEach((brand) => Object.freeze(brand));
    Object.freeze(parsed.brands);
    Object.freeze(parsed);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userAgent, parsed);
    return parsed;
  }
}

const MAX_USER_AGENT_LENGTH = 1_000;
const userAgents = new UserAgentCache(500);

/**
 * Adds what the server knows to an event's context, never overwriting what the sender said:
 * `context.ip` from the connection, and `context.userAgentData` parsed from `context.userAgent`.
 * `inherited` is the batch's own context, which the event's context extends.
 * Rewrites `event` in place, like normalizeEvent, which runs after it.
 */
export function enrichContext(event: Record<string, unknown>, facts: RequestFacts, inherited?: Record<string, unknown>): void {
  let context = event.context;
  if (context !== undefined && context !== null && !isPlainObject(context)) return; // validation refuses it
  const own = context as Record<string, unknown> | null | undefined;

  const ip = facts.ip !== null && own?.ip == null && inherited?.ip == null ? facts.ip : undefined;
  let userAgentData: UserAgentData | undefined;
  if (own?.userAgentData == null && inherited?.userAgentData == null) {
    const userAgent = own?.userAgent ?? inherited?.userAgent;
    if (typeof userAgent === "string" && userAgent.length > 0 && userAgent.length <= MAX_USER_AGENT_LENGTH) userAgentData = userAgents.get(userAgent);
  }
  if (ip === undefined && userAgentData === undefined) return;
  if (own == null) context = event.context = {};
  const target = context as Record<string, unknown>;
  if (ip !== undefined) target.ip = ip;
  if (userAgentData !== undefined) target.userAgentData = userAgentData;
}
