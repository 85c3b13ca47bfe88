-- CreateTable
CREATE TABLE "delivery_cursors" (
    "destination_id" TEXT NOT NULL PRIMARY KEY,
    "position" BIGINT NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" DATETIME,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "delivery_cursors_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "delivery_retries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "destination_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "event_position" BIGINT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "first_failed_at" DATETIME NOT NULL,
    "next_attempt_at" DATETIME NOT NULL,
    "last_error" TEXT NOT NULL,
    "last_error_code" TEXT NOT NULL,
    CONSTRAINT "delivery_retries_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "dead_letters" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "destination_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "event_position" BIGINT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT NOT NULL,
    "error_code" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redriven_at" DATETIME,
    CONSTRAINT "dead_letters_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "destination_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "event_positions" TEXT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delivery_attempts_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "destination_health_changes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "destination_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "destination_health_changes_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_destinations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "health" TEXT NOT NULL DEFAULT 'healthy',
    "health_reason" TEXT,
    "health_changed_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "destinations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_destinations" ("created_at", "enabled", "id", "name", "settings", "type", "updated_at", "workspace_id") SELECT "created_at", "enabled", "id", "name", "settings", "type", "updated_at", "workspace_id" FROM "destinations";
DROP TABLE "destinations";
ALTER TABLE "new_destinations" RENAME TO "destinations";
CREATE INDEX "destinations_workspace_id_idx" ON "destinations"("workspace_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "delivery_retries_destination_id_next_attempt_at_idx" ON "delivery_retries"("destination_id", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_retries_action_id_event_position_key" ON "delivery_retries"("action_id", "event_position");

-- CreateIndex
CREATE INDEX "dead_letters_destination_id_redriven_at_created_at_idx" ON "dead_letters"("destination_id", "redriven_at", "created_at");

-- CreateIndex
CREATE INDEX "delivery_attempts_destination_id_created_at_idx" ON "delivery_attempts"("destination_id", "created_at");

-- CreateIndex
CREATE INDEX "delivery_attempts_destination_id_status_created_at_idx" ON "delivery_attempts"("destination_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "destination_health_changes_destination_id_created_at_idx" ON "destination_health_changes"("destination_id", "created_at");

