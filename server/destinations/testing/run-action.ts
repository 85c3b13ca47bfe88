import { compileMapping } from "../../mapping/compile";
import { evaluateMapping } from "../../mapping/evaluate";
import { MappingError } from "../../mapping/errors";
import { validatePayload } from "../../mapping/validate-payload";
import { compileTrigger } from "../../triggers/compile";
import { getActionDefinition } from "../catalog";
import { createActionContext } from "../context";
import { readDefaultMapping } from "../default-actions";
import { deliverPayloads } from "../deliver";
import type { HttpAttempt } from "../http-client";
import { allowedByIntegrations } from "../integrations";
import { parseSettings } from "../settings";
import type { DeliveryOutcome, DestinationDefinition } from "../types";
import { ALLOW_LOCAL_API, type LocalApi, type RecordedRequest } from "./local-api";

export interface RunActionOptions {
  destination: DestinationDefinition;
  /** The action's key, e.g. `trackEvent`. */
  action: string;
  /** Settings as a user enters them. */
  settings: Record<string, unknown>;
  events: readonly unknown[];
  /**
   * The local API standing in for the destination: with regions, the `baseUrl` override points
   * at it; without (webhook, Slack), point the URL setting at it yourself.
   */
  api?: LocalApi;
  /** Instead of the action's default trigger / mapping file. */
  trigger?: string;
  mapping?: string;
  /** The destination's own name, for `integrations`; defaults to the catalog name. */
  destinationName?: string;
  timeoutMs?: number;
}

export interface RunActionResult {
  /** One per event that reached the action, in the events' order (see `sent`). */
  outcomes: DeliveryOutcome[];
  /** Positions in `events` of the events behind `outcomes` and `payloads`. */
  sent: number[];
  payloads: unknown[];
  skipped: Array<{ index: number; reason: "integrations" | "trigger" }>;
  /** Events whose mapping failed or whose payload does not fit the action's fields. */
  invalid: Array<{ index: number; message: string }>;
  /** What the HTTP client recorded, secrets masked, as the delivery log would keep it. */
  attempts: HttpAttempt[];
  /** What the local API received, unmasked. */
  requests: RecordedRequest[];
}

/** Generous, so a busy test machine never trips the 50 ms production budget. */
const TEST_MAPPING_LIMITS = { timeoutMs: 2_000 };

/**
 * Runs events through one action as the runner does: the `integrations` object, the trigger,
 * the mapping, validation against the action's fields, then `perform` / `performBatch` through
 * `deliverPayloads`, against the local API.
 */
export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const { destination } = options;
  const action = getActionDefinition(destination, options.action);
  const pointed = options.api && destination.regions ? { ...options.settings, baseUrl: options.api.url } : options.settings;
  const parsed = parseSettings(destination, pointed);
  if (!parsed.ok) throw new Error(`Invalid settings: ${parsed.issues.map((issue) => `${issue.field} ${issue.message}`).join("; ")}`);

  const matches = compileTrigger(options.trigger ?? action.defaultTrigger);
  const mapping = compileMapping(options.mapping ?? readDefaultMapping(action));
  const result: RunActionResult = { outcomes: [], sent: [], payloads: [], skipped: [], invalid: [], attempts: [], requests: [] };

  for (const [index, event] of options.events.entries()) {
    if (!allowedByIntegrations(event, destination.name, options.destinationName ?? destination.name)) {
      result.skipped.push({ index, reason: "integrations" });
      continue;
    }
    if (!matches(event)) {
      result.skipped.push({ index, reason: "trigger" });
      continue;
    }
    try {
      const validation = validatePayload(await evaluateMapping(mapping, event, TEST_MAPPING_LIMITS), action.fields);
      if (!validation.ok) {
        result.invalid.push({ index, message: validation.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ") });
        continue;
      }
      result.payloads.push(validation.payload);
      result.sent.push(index);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      result.invalid.push({ index, message: error.message });
    }
  }

  const ctx = createActionContext(destination, parsed.settings, { timeoutMs: options.timeoutMs, outbound: ALLOW_LOCAL_API });
  result.outcomes = await deliverPayloads(action, ctx, result.payloads);
  result.attempts = [...ctx.http.attempts];
  result.requests = options.api ? [...options.api.requests] : [];
  return result;
}
