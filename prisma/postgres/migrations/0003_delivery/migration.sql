-- AlterTable
ALTER TABLE "destinations" ADD COLUMN     "health" TEXT NOT NULL DEFAULT 'healthy',
ADD COLUMN     "health_changed_at" TIMESTAMP(3),
ADD COLUMN     "health_reason" TEXT;

-- CreateTable
CREATE TABLE "delivery_cursors" (
    "destination_id" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_cursors_pkey" PRIMARY KEY ("destination_id")
);

-- CreateTable
CREATE TABLE "delivery_retries" (
    "id" TEXT NOT NULL,
    "destination_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "event_position" BIGINT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "first_failed_at" TIMESTAMP(3) NOT NULL,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "last_error" TEXT NOT NULL,
    "last_error_code" TEXT NOT NULL,

    CONSTRAINT "delivery_retries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dead_letters" (
    "id" TEXT NOT NULL,
    "destination_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "event_position" BIGINT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT NOT NULL,
    "error_code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redriven_at" TIMESTAMP(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" TEXT NOT NULL,
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
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "destination_health_changes" (
    "id" TEXT NOT NULL,
    "destination_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "destination_health_changes_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "delivery_cursors" ADD CONSTRAINT "delivery_cursors_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_retries" ADD CONSTRAINT "delivery_retries_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dead_letters" ADD CONSTRAINT "dead_letters_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "destination_health_changes" ADD CONSTRAINT "destination_health_changes_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

