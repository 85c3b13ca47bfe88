-- AlterTable
ALTER TABLE "delivery_retries" ADD COLUMN "user_key" TEXT;

-- CreateIndex
CREATE INDEX "delivery_retries_destination_id_action_id_user_key_idx" ON "delivery_retries"("destination_id", "action_id", "user_key");

