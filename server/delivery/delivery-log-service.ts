import type { Db } from "../db";
import { recordAudit } from "../audit/audit-log";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { userKeysAt } from "../events/event-log-queries";

export type DeliveryStatus = "succeeded" | "failed" | "retrying" | "partial" | "dead";

export type DeliveryView = {
  id: string;
  actionId: string;
  status: string;
  eventPositions: number[];
  request: unknown;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  createdAt: string;
};

export type DeadLetterView = { id: string; actionId: string; eventPosition: number; attempts: number; error: string; errorCode: string; createdAt: string };

/** What a destination's delivery did: its requests, its dead letters, and redriving them. */
export class DeliveryLogService {
  /** `actor` is who redrives, as the audit log records it. */
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private async destination(workspaceId: string, destinationId: string): Promise<void> {
    const found = await this.db.destination.findFirst({ where: { id: destinationId, workspaceId }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
  }

  /** Newest first. `dead` lists dead letters as deliveries that ended without success. */
  async deliveries(workspaceId: string, destinationId: string, options: { status?: DeliveryStatus; limit?: number } = {}): Promise<DeliveryView[]> {
    await this.destination(workspaceId, destinationId);
    const rows = await this.db.deliveryAttempt.findMany({
      where: { destinationId, ...(options.status && options.status !== "dead" ? { status: options.status } : {}) },
      orderBy: { createdAt: "desc" },
      take: options.limit ?? 50,
    });
    return rows.map((r) => ({
      id: r.id,
      actionId: r.actionId,
      status: r.status,
      eventPositions: JSON.parse(r.eventPositions) as number[],
      request: JSON.parse(r.request) as unknown,
      responseStatus: r.responseStatus,
      responseBody: r.responseBody,
      durationMs: r.durationMs,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async deadLetters(workspaceId: string, destinationId: string, limit = 100): Promise<DeadLetterView[]> {
    await this.destination(workspaceId, destinationId);
    const rows = await this.db.deadLetter.findMany({ where: { destinationId, redrivenAt: null }, orderBy: { createdAt: "desc" }, take: limit });
    return rows.map((r) => ({
      id: r.id,
      actionId: r.actionId,
      eventPosition: Number(r.eventPosition),
      attempts: r.attempts,
      error: r.error,
      errorCode: r.errorCode,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** Sends every dead letter of the destination again: each becomes a retry due now. */
  async redrive(workspaceId: string, destinationId: string): Promise<{ redriven: number }> {
    await this.destination(workspaceId, destinationId);
    const letters = await this.db.deadLetter.findMany({ where: { destinationId, redrivenAt: null } });
    // The user key lets a redriven event keep its place in its user's order.
    const userKeys = await userKeysAt(this.db, letters.map((l) => Number(l.eventPosition)));
    const now = new Date();
    await this.db.$transaction(async (tx) => {
      for (const letter of letters) {
        const userKey = userKeys.get(Number(letter.eventPosition)) ?? null;
        const data = { attempts: 0, firstFailedAt: now, nextAttemptAt: now, lastError: letter.error, lastErrorCode: letter.errorCode, userKey };
        await tx.deliveryRetry.upsert({
          where: { actionId_eventPosition: { actionId: letter.actionId, eventPosition: letter.eventPosition } },
          create: { destinationId, actionId: letter.actionId, eventPosition: letter.eventPosition, ...data },
          update: data,
        });
      }
      await tx.deadLetter.updateMany({ where: { id: { in: letters.map((l) => l.id) } }, data: { redrivenAt: now } });
    });
    if (letters.length > 0) {
      await recordAudit(this.db, { workspaceId, actor: this.actor, action: "destination.redrive", targetType: "destination", targetId: destinationId, details: { redriven: letters.length } });
    }
    return { redriven: letters.length };
  }
}
