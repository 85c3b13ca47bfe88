import { createActionContext } from "../destinations/context";
import { deliverPayloads } from "../destinations/deliver";
import type { HttpAttempt } from "../destinations/http-client";
import { allowedByIntegrations } from "../destinations/integrations";
import { parseSettings } from "../destinations/settings";
import type { ActionDefinition, DeliveryOutcome, DestinationDefinition } from "../destinations/types";
import { previewMapping, type PreviewError } from "../mapping/preview";
import type { JsonValue } from "../mapping/json-value";
import { checkTrigger, type TriggerCheck } from "../triggers/check";

export type OneEventRun = {
  /** Whether the trigger accepts the event (or where the trigger is wrong). */
  trigger: TriggerCheck;
  /** False when the event's `integrations` object keeps it from this destination. */
  allowedByIntegrations: boolean;
  /** What the mapping produced, before validation. */
  payload?: JsonValue;
  /** Mapping errors (with their position) and payload issues (by field). */
  errors: readonly PreviewError[];
  /** Why no request was made, when none was. */
  notSent?: string;
  /** The requests made (or, in a dry run, that would be made), secrets masked, with their answers. */
  attempts: HttpAttempt[];
  outcome?: { status: "delivered" } | { status: "failed"; code: string; message: string; retryable: boolean; httpStatus?: number };
};

export type OneEventInput = {
  definition: DestinationDefinition;
  action: ActionDefinition<unknown, unknown>;
  destinationName: string;
  /** Stored settings, secrets in clear. */
  settings: unknown;
  trigger: string;
  mapping: string;
  event: unknown;
  /** A dry run answers every request with a synthetic 200 and sends nothing. */
  dryRun: boolean;
  /** Private hosts the workspace lets its destinations reach (a real send is checked like the runner's). */
  allowedPrivateHosts: readonly string[];
  timeoutMs?: number;
};

/** Generous, so a loaded machine never fails an editor's preview on the 50 ms runner budget. */
const EDITOR_MAPPING_LIMITS = { timeoutMs: 1_000 };

/**
 * One event through one action the way the runner takes it: trigger, mapping, validation against
 * the action's fields, then `deliverPayloads` with the destination's settings. In a dry run the
 * HTTP client's fetch records the request and answers 200 without any network.
 */
export async function runOneEvent(input: OneEventInput): Promise<OneEventRun> {
  const trigger = checkTrigger(input.trigger, input.event);
  const allowed = allowedByIntegrations(input.event, input.definition.name, input.destinationName);
  const preview = await previewMapping(input.mapping, input.event, input.action.fields, EDITOR_MAPPING_LIMITS);
  const base = { trigger, allowedByIntegrations: allowed, ...(preview.payload === undefined ? {} : { payload: preview.payload }), errors: preview.errors, attempts: [] };
  if (!preview.ok) return { ...base, notSent: "The payload is not valid, so nothing would be sent" };

  const parsed = parseSettings(input.definition, input.settings, { unknownKeys: "strip" });
  if (!parsed.ok) return { ...base, notSent: `The destination's settings are invalid: ${parsed.issues.map((i) => `${i.field} ${i.message}`).join("; ")}` };

  const validated = input.action.fields.safeParse(preview.payload);
  const payload = validated.success ? validated.data : preview.payload;
  const ctx = createActionContext(input.definition, parsed.settings, { timeoutMs: input.timeoutMs, outbound: { allowedHosts: input.allowedPrivateHosts, ...(input.dryRun ? { lookup: noLookup } : {}) }, ...(input.dryRun ? { fetch: dryRunFetch } : {}) });
  const [outcome] = await deliverPayloads(input.action, ctx, [payload]);
  return { ...base, attempts: [...ctx.http.attempts], ...(input.dryRun ? {} : { outcome: outcomeView(outcome) }) };
}

function outcomeView(outcome: DeliveryOutcome | undefined): OneEventRun["outcome"] {
  if (!outcome) return { status: "failed", code: "INTERNAL_ERROR", message: "No outcome", retryable: false };
  if (outcome.status === "delivered") return { status: "delivered" };
  const { code, message, retryable, status } = outcome.error;
  return { status: "failed", code, message, retryable, ...(status === undefined ? {} : { httpStatus: status }) };
}

/** Stands in for the network in a dry run: nothing leaves the process. */
async function dryRunFetch(): Promise<Response> {
  return new Response("{}", { status: 200, headers: { "content-type": "application/json", "x-switchyard-dry-run": "1" } });
}

/** A dry run resolves no host names (a private IP in the URL is still refused, as it would be). */
async function noLookup(): Promise<[]> {
  return [];
}
