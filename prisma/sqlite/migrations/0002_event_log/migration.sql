-- The event log: every accepted event, append-only, in the order it was committed.
-- Written by hand (not modelled in Prisma): ingest writes it with multi-row INSERTs and the
-- runner reads it by position.
--
-- Keys are chosen for write locality: `position` is the rowid (AUTOINCREMENT, so a position
-- is never reused even after retention deletes old rows), and both secondary indexes grow at
-- their right edge. Deduplication on (source, messageId) deliberately has no index here: a
-- unique index over random message ids dirties one random page per event and multiplies
-- WAL writes; the SQLite writer dedupes against an in-memory window rebuilt from this table
-- at start (see server/events/dedupe-window.ts).
CREATE TABLE "events" (
    "position" INTEGER PRIMARY KEY AUTOINCREMENT,
    "workspace_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "user_id" TEXT,
    "anonymous_id" TEXT,
    "event" TEXT,
    -- milliseconds since the Unix epoch
    "timestamp" INTEGER NOT NULL,
    "received_at" INTEGER NOT NULL,
    -- the whole normalised event as JSON
    "payload" TEXT NOT NULL
);

CREATE INDEX "events_source_id_position_idx" ON "events" ("source_id", "position");
CREATE INDEX "events_workspace_id_position_idx" ON "events" ("workspace_id", "position");
