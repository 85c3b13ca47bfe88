-- The event log: every accepted event, append-only, in the order it was committed.
-- Written by hand (not modelled in Prisma): ingest writes it with multi-row INSERTs and the
-- runner reads it by position. Several ingest processes may share this database, so
-- deduplication on (source, messageId) is a unique index here.
CREATE TABLE "events" (
    "position" BIGSERIAL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "user_id" TEXT,
    "anonymous_id" TEXT,
    "event" TEXT,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    -- the whole normalised event
    "payload" JSONB NOT NULL
);

CREATE UNIQUE INDEX "events_source_id_message_id_key" ON "events" ("source_id", "message_id");
CREATE INDEX "events_source_id_position_idx" ON "events" ("source_id", "position");
CREATE INDEX "events_workspace_id_position_idx" ON "events" ("workspace_id", "position");
