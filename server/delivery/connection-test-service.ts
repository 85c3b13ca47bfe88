import type { Db } from "../db";
import { AppError } from "../errors";
import { findDestinationDefinition } from "../destinations/catalog";
import { createActionContext } from "../destinations/context";
import { SettingsError } from "../destinations/settings-error";
import { keepUnchangedSecrets, parseSettings } from "../destinations/settings";
import { openSecrets } from "../secrets/destination-secrets";
import { secretKey } from "../secrets/secret-key";
import { allowedPrivateHosts } from "../workspaces/workspace-service";

export type ConnectionTestResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * Runs a destination's connection test with settings a user is filling in, before they are
 * saved. For an existing destination, secrets left masked mean the stored ones.
 */
export async function testDestinationConnection(
  db: Db,
  workspaceId: string,
  input: { type: string; settings: Record<string, unknown>; destinationId?: string },
): Promise<ConnectionTestResult> {
  const definition = findDestinationDefinition(input.type);
  if (!definition) throw new AppError("BAD_REQUEST", `Unknown destination type "${input.type}"`);
  if (!definition.testConnection) throw new AppError("BAD_REQUEST", `${definition.name} has no connection test`);
  let submitted = input.settings;
  if (input.destinationId) {
    const stored = await db.destination.findFirst({ where: { id: input.destinationId, workspaceId, type: definition.key } });
    if (!stored) throw new AppError("NOT_FOUND", `No ${definition.name} destination with id "${input.destinationId}" in this workspace`);
    submitted = keepUnchangedSecrets(definition, openSecrets(definition, JSON.parse(stored.settings) as Record<string, unknown>, secretKey()), submitted);
  }
  const parsed = parseSettings(definition, submitted);
  if (!parsed.ok) throw new SettingsError(definition.name, parsed.issues);
  // The same outbound rules as delivery: private addresses only where the workspace allows them.
  const outbound = { allowedHosts: await allowedPrivateHosts(db, workspaceId) };
  const ctx = createActionContext(definition, parsed.settings, { timeoutMs: 10_000, outbound });
  const outcome = await definition.testConnection(ctx);
  if (outcome.status === "delivered") return { ok: true };
  return { ok: false, code: outcome.error.code, message: ctx.http.mask(outcome.error.message) };
}
