import type { z } from "zod";
import type { DeliveryError } from "./errors";
import type { HttpClient } from "./http-client";

/** What became of one payload: one of these per payload, also for a batch. */
export type DeliveryOutcome = { status: "delivered" } | { status: "failed"; error: DeliveryError };

export interface BatchLimits {
  /** Most payloads in one request, as the API allows. */
  maxEvents: number;
  /** Most bytes of JSON payloads in one request (the request's own envelope adds a little). */
  maxBytes?: number;
}

/** Settings every destination with regions accepts besides its own. */
export interface RegionSettings {
  region?: string;
  /** Advanced: replaces the region's base URL (a proxy, a test server, another Switchyard). */
  baseUrl?: string;
}

export type DestinationSettingsOf<Schema extends z.ZodObject> = z.output<Schema> & RegionSettings;

/** What `perform` gets besides the payload. Made per delivery call; see `createActionContext`. */
export interface ActionContext<Settings> {
  /** Parsed and validated settings, secrets in clear. */
  settings: Settings;
  /**
   * The API's base URL without a trailing slash: the `baseUrl` setting when set, else the
   * region's URL. Empty for destinations without regions (their URL is a setting of its own).
   */
  baseUrl: string;
  http: HttpClient;
}

/**
 * One thing a destination can do with an event. `perform` and `performBatch` are written with
 * method syntax on purpose: the catalog holds actions of every payload type side by side, and
 * the payload is validated against `fields` before either is called.
 */
export interface ActionDefinition<Settings, Payload> {
  /** Stable key stored on Action rows, e.g. `trackEvent`. */
  key: string;
  title: string;
  description: string;
  /** The payload a mapping must produce: required fields, types, formats. */
  fields: z.ZodType<Payload>;
  /** Subscription-language text; see server/triggers/README.md. */
  defaultTrigger: string;
  /** Path from the repository root, e.g. `mappings/mixpanel/track-event.jsonata`. */
  defaultMappingFile: string;
  /** Present when the API takes several payloads in one request (`performBatch` then exists). */
  batch?: BatchLimits;
  perform(ctx: ActionContext<Settings>, payload: Payload): Promise<DeliveryOutcome>;
  /** Returns exactly one outcome per payload, in the payloads' order. */
  performBatch?(ctx: ActionContext<Settings>, payloads: Payload[]): Promise<DeliveryOutcome[]>;
}

export type DestinationCategory = "Analytics" | "CRM" | "Marketing Automation" | "Messaging" | "Advertising" | "Raw Data";

export interface DestinationDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** Stable key stored as `Destination.type`, e.g. `mixpanel`. */
  key: string;
  /** The catalog name, also the key an event's `integrations` object uses, e.g. `Mixpanel`. */
  name: string;
  category: DestinationCategory;
  description: string;
  /** The destination's own settings; `region` and `baseUrl` are added when it has regions. */
  settings: Schema;
  /**
   * Settings holding a URL that Switchyard itself sends to (besides `baseUrl`), checked against
   * the workspace's outbound policy when saved: see `checkOutboundUrl`.
   */
  urlSettings?: readonly (keyof z.output<Schema> & string)[];
  /** Names of settings never shown again once saved and masked in delivery logs. */
  secretSettings: readonly (keyof z.output<Schema> & string)[];
  /** Region → base URL, e.g. `{ US: "https://api.mixpanel.com", EU: "https://api-eu.mixpanel.com" }`. */
  regions?: Record<string, string>;
  defaultRegion?: string;
  /**
   * Whether a failed event must hold back later events of the same user until it is
   * delivered or given up (the API applies updates in arrival order, e.g. identify before track).
   */
  keepsUserOrder: boolean;
  /** Checks the settings against the API without sending user data. */
  testConnection?(ctx: ActionContext<DestinationSettingsOf<Schema>>): Promise<DeliveryOutcome>;
  actions: readonly ActionDefinition<DestinationSettingsOf<Schema>, unknown>[];
}
