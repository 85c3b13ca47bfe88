import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Prisma's better-sqlite3 adapter, with its transactions begun by `BEGIN IMMEDIATE`.
 *
 * The adapter begins them with a plain (deferred) `BEGIN`: a transaction that reads before it
 * writes then holds a snapshot, and when another connection (ingest appending events, a
 * second process) has committed meanwhile, its first write cannot upgrade the snapshot and
 * fails at once with "database is locked", whatever the busy timeout. Taking the write lock
 * when the transaction begins makes it wait its turn (up to the busy timeout) instead.
 * Transactions here are short and almost all write, so the lock taken early costs nothing.
 */
export class ImmediateTransactionsSqlite {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSQLite3;
  /** The connection Prisma queries through, once it has connected (see `sqliteConnectionOf`). */
  connection: Database.Database | null = null;

  constructor(config: { url: string; timeout: number }) {
    this.inner = new PrismaBetterSQLite3(config);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    this.connection = beginImmediately(adapter);
    return adapter;
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connectToShadowDb();
    beginImmediately(adapter);
    return adapter;
  }
}

/**
 * Rewrites the adapter's `BEGIN` (prepared on its connection at each transaction) to
 * `BEGIN IMMEDIATE`, and returns that connection.
 */
function beginImmediately(adapter: SqlDriverAdapter): Database.Database {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  // Fails loudly if an upgrade of the adapter stops exposing its connection this way.
  if (!client || typeof client.prepare !== "function") throw new Error("The SQLite adapter no longer exposes its connection: transactions cannot begin IMMEDIATE");
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof client.prepare;
  return client;
}
