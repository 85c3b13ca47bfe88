import type { Db } from "../db";
import { findDestinationDefinition } from "../destinations/catalog";
import { hasClearSecrets, sealSecrets } from "../secrets/destination-secrets";

/**
 * Encrypts the secrets of destinations saved before secrets were encrypted at rest. Runs on
 * start; the runner reads both forms meanwhile. Resolves to how many destinations it sealed.
 */
export async function sealStoredSecrets(db: Db, key: Buffer): Promise<number> {
  const rows = await db.destination.findMany({ select: { id: true, type: true, settings: true } });
  let sealed = 0;
  for (const row of rows) {
    const definition = findDestinationDefinition(row.type);
    if (!definition) continue;
    const stored = JSON.parse(row.settings) as Record<string, unknown>;
    if (!hasClearSecrets(definition, stored)) continue;
    await db.destination.update({ where: { id: row.id }, data: { settings: JSON.stringify(sealSecrets(definition, stored, key)) } });
    sealed += 1;
  }
  return sealed;
}
