import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { findDestinationDefinition, getActionDefinition } from "../destinations/catalog";
import type { ActionDefinition } from "../destinations/types";
import { AppError } from "../errors";
import { openSecrets } from "../secrets/destination-secrets";
import { secretKey } from "../secrets/secret-key";
import { parseAllowedHosts } from "../destinations/outbound-guard";
import type { TriggerBuilder } from "../../components/action-editor/trigger-model/types";
import { runOneEvent, type OneEventRun } from "./run-one";
import { triggerBuilderOf } from "./trigger-builder";

export type RunInput = {
  /** The editor's current trigger and mapping; the saved ones when left out. */
  trigger?: string;
  mapping?: string;
  event: Record<string, unknown>;
};

/** The preview, with the trigger it checked in the visual builder's form (null when it does not parse). */
export type PreviewResult = OneEventRun & { triggerText: string; triggerBuilder: TriggerBuilder | null };

export type TestSendResult = OneEventRun & { sentAt: Date };

/** The editor's preview (nothing sent) and test-send (really sent) of one event through an action. */
export class ActionRunService {
  constructor(private readonly db: Db) {}

  /** The payload, its problems by field, and the exact request the destination would receive, without sending it. */
  async preview(workspaceId: string, actionId: string, input: RunInput): Promise<PreviewResult> {
    const loaded = await this.load(workspaceId, actionId);
    const trigger = input.trigger ?? loaded.trigger;
    const run = await runOneEvent({ ...loaded, trigger, mapping: input.mapping ?? loaded.mapping, event: input.event, dryRun: true });
    return { ...run, triggerText: trigger, triggerBuilder: triggerBuilderOf(trigger) };
  }

  /**
   * Sends one event through the action to the real destination now, whatever the trigger says
   * (the result says whether it matched), and records the request in the delivery log.
   */
  async testSend(workspaceId: string, actionId: string, actor: Actor, input: RunInput): Promise<TestSendResult> {
    const loaded = await this.load(workspaceId, actionId);
    const sentAt = new Date();
    const run = await runOneEvent({ ...loaded, trigger: input.trigger ?? loaded.trigger, mapping: input.mapping ?? loaded.mapping, event: input.event, dryRun: false });
    for (const attempt of run.attempts) {
      await this.db.deliveryAttempt.create({
        data: {
          destinationId: loaded.destinationId,
          actionId,
          eventPositions: "[]",
          eventCount: 1,
          status: run.outcome?.status === "delivered" ? "succeeded" : "failed",
          request: JSON.stringify({ ...attempt.request, testSend: true }),
          responseStatus: attempt.response?.status ?? null,
          responseBody: attempt.response?.body ?? null,
          durationMs: attempt.durationMs,
          error: run.outcome?.status === "failed" ? `Test send: ${run.outcome.message}` : (attempt.error ?? null),
        },
      });
    }
    await recordAudit(this.db, {
      workspaceId,
      actor,
      action: "action.test_send",
      targetType: "action",
      targetId: actionId,
      details: { destinationId: loaded.destinationId, outcome: run.outcome?.status ?? "not sent", requests: run.attempts.length },
    });
    return { ...run, sentAt };
  }

  private async load(workspaceId: string, actionId: string) {
    // One query for the action, its destination and the workspace's outbound allowances
    const found = await this.db.action.findFirst({
      where: { id: actionId, destination: { workspaceId } },
      include: { destination: { include: { workspace: { select: { allowedPrivateHosts: true } } } } },
    });
    if (!found) throw new AppError("NOT_FOUND", `No action with id "${actionId}" in this workspace`);
    const definition = findDestinationDefinition(found.destination.type);
    if (!definition) throw new AppError("BAD_REQUEST", `Unknown destination type "${found.destination.type}"`);
    return {
      definition,
      action: getActionDefinition(definition, found.key) as ActionDefinition<unknown, unknown>,
      destinationId: found.destinationId,
      destinationName: found.destination.name,
      settings: openSecrets(definition, JSON.parse(found.destination.settings) as Record<string, unknown>, secretKey()),
      allowedPrivateHosts: parseAllowedHosts(found.destination.workspace.allowedPrivateHosts),
      trigger: found.trigger,
      mapping: found.mapping,
    };
  }
}
