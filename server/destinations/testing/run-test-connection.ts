import { createActionContext } from "../context";
import type { HttpAttempt } from "../http-client";
import { parseSettings } from "../settings";
import type { DeliveryOutcome, DestinationDefinition } from "../types";
import { ALLOW_LOCAL_API, type LocalApi } from "./local-api";

/** Runs a destination's connection test against the local API (through the `baseUrl` override). */
export async function runTestConnection(
  destination: DestinationDefinition,
  settings: Record<string, unknown>,
  api: LocalApi,
): Promise<{ outcome: DeliveryOutcome; attempts: HttpAttempt[] }> {
  if (!destination.testConnection) throw new Error(`${destination.name} has no connection test`);
  const parsed = parseSettings(destination, { ...settings, baseUrl: api.url });
  if (!parsed.ok) throw new Error(`Invalid settings: ${JSON.stringify(parsed.issues)}`);
  const ctx = createActionContext(destination, parsed.settings, { outbound: ALLOW_LOCAL_API });
  const outcome = await destination.testConnection(ctx);
  return { outcome, attempts: [...ctx.http.attempts] };
}
