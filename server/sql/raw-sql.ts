import { resolveDatabase } from "../database-url";

export type SqlDialect = "sqlite" | "postgres";

/** The dialect of the configured database, for the few queries Prisma's model API cannot express. */
export function sqlDialect(): SqlDialect {
  return resolveDatabase().kind;
}

/** Collects the values of a raw query and writes each one's placeholder (`?` or `$n`) in order. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(readonly dialect: SqlDialect) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === "postgres" ? `$${this.values.length}` : "?";
  }
}

/**
 * A DateTime column value as the dialect stores it, for range conditions that keep the index:
 * Prisma writes SQLite DateTime columns as ISO-8601 text with a "+00:00" offset.
 */
export function timestampParam(params: SqlParams, at: Date): string {
  if (params.dialect === "postgres") return `${params.add(at.toISOString())}::timestamp`;
  return params.add(at.toISOString().replace("Z", "+00:00"));
}

/** Epoch seconds of a DateTime column (Prisma's storage of it) in SQL. */
export function epochSecondsSql(dialect: SqlDialect, column: string): string {
  return dialect === "postgres" ? `floor(extract(epoch from ${column}))::bigint` : `CAST(strftime('%s', ${column}) AS INTEGER)`;
}
