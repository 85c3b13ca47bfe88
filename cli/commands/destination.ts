import { readFileSync } from "node:fs";
import { LOCAL_CLI_ACTOR } from "../../server/auth/actor";
import { DestinationService } from "../../server/delivery/destination-service";
import { DeliveryLogService, type DeliveryStatus } from "../../server/delivery/delivery-log-service";
import { catalogView } from "../../server/destinations/catalog";
import { optionalInteger, requirePositional, requireString, UsageError, type ParsedArgs } from "../args";
import type { Command } from "../command";
import type { CliContext } from "../context";
import { printResult } from "../output";

const json = (args: ParsedArgs) => args.values.json === true;
const destinations = (ctx: CliContext) => new DestinationService(ctx.db, LOCAL_CLI_ACTOR);

function parseJsonOption(args: ParsedArgs, name: string): unknown {
  const raw = requireString(args, name);
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new UsageError(`--${name} is not valid JSON: ${(error as Error).message}`);
  }
}

function booleanOption(args: ParsedArgs, name: string): boolean | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  if (raw === "true" || raw === "false") return raw === "true";
  throw new UsageError(`--${name} must be true or false`);
}

const DELIVERY_STATUSES = ["succeeded", "failed", "retrying", "partial", "dead"] as const;

export const destinationCommands: Command[] = [
  {
    name: "destination catalog",
    summary: "List the kinds of destination Switchyard can send to, with their settings and actions.",
    usage: "destination catalog [--json]",
    offline: true,
    async run(args) {
      const catalog = catalogView();
      printResult(json(args), catalog, catalog.map((d) => ({ key: d.key, name: d.name, category: d.category, regions: Object.keys(d.regions).join(",") || "-", actions: d.actions.map((a) => a.key).join(",") })));
    },
  },
  {
    name: "destination create",
    summary: "Create a destination with its default actions; it receives events from now on.",
    usage: "destination create --type KEY --name NAME --settings JSON [--json]",
    options: { type: { type: "string" }, name: { type: "string" }, settings: { type: "string" } },
    async run(args, ctx) {
      const created = await destinations(ctx).create(ctx.workspaceId, { type: requireString(args, "type"), name: requireString(args, "name"), settings: parseJsonOption(args, "settings") });
      printResult(json(args), created, created.actions.map((a) => ({ destination: created.id, action: a.id, key: a.key, trigger: a.trigger, enabled: String(a.enabled) })));
    },
  },
  {
    name: "destination list",
    summary: "List the workspace's destinations, their health and actions (secrets masked).",
    usage: "destination list [--json]",
    async run(args, ctx) {
      const list = await destinations(ctx).list(ctx.workspaceId);
      printResult(json(args), list, list.map((d) => ({ id: d.id, type: d.type, name: d.name, health: d.health, actions: String(d.actions.length), sources: String(d.sourceIds.length) })));
    },
  },
  {
    name: "destination resume",
    summary: "Resume delivery to a paused destination, from where it stopped.",
    usage: "destination resume DESTINATION_ID [--json]",
    positionals: ["DESTINATION_ID"],
    async run(args, ctx) {
      const resumed = await destinations(ctx).resume(ctx.workspaceId, requirePositional(args, 0, "DESTINATION_ID"));
      printResult(json(args), resumed, [{ id: resumed.id, health: resumed.health }]);
    },
  },
  {
    name: "connect",
    summary: "Connect a source to a destination: its events are delivered there from now on.",
    usage: "connect --source SOURCE_ID --destination DESTINATION_ID [--json]",
    options: { source: { type: "string" }, destination: { type: "string" } },
    async run(args, ctx) {
      const connection = await destinations(ctx).connect(ctx.workspaceId, requireString(args, "source"), requireString(args, "destination"));
      printResult(json(args), connection, [connection]);
    },
  },
  {
    name: "disconnect",
    summary: "Remove the connection between a source and a destination.",
    usage: "disconnect --source SOURCE_ID --destination DESTINATION_ID [--json]",
    options: { source: { type: "string" }, destination: { type: "string" } },
    async run(args, ctx) {
      const sourceId = requireString(args, "source");
      const destinationId = requireString(args, "destination");
      await destinations(ctx).disconnect(ctx.workspaceId, sourceId, destinationId);
      printResult(json(args), { sourceId, destinationId, disconnected: true }, [{ sourceId, destinationId, disconnected: "true" }]);
    },
  },
  {
    name: "action update",
    summary: "Change an action's trigger, mapping or enabled state (invalid ones are refused).",
    usage: "action update ACTION_ID [--trigger TEXT] [--mapping-file FILE] [--enabled true|false] [--json]",
    options: { trigger: { type: "string" }, "mapping-file": { type: "string" }, enabled: { type: "string" } },
    positionals: ["ACTION_ID"],
    async run(args, ctx) {
      const file = args.values["mapping-file"];
      const mapping = typeof file === "string" ? readFileSync(file, "utf8") : undefined;
      const trigger = typeof args.values.trigger === "string" ? args.values.trigger : undefined;
      const enabled = booleanOption(args, "enabled");
      if (trigger === undefined && mapping === undefined && enabled === undefined) throw new UsageError("Give at least one of --trigger, --mapping-file, --enabled");
      const action = await destinations(ctx).updateAction(ctx.workspaceId, requirePositional(args, 0, "ACTION_ID"), { trigger, mapping, enabled });
      printResult(json(args), action, [{ id: action.id, key: action.key, trigger: action.trigger, enabled: String(action.enabled), version: String(action.version) }]);
    },
  },
  {
    name: "deliveries list",
    summary: "List a destination's delivery attempts, newest first (or its dead letters with --status dead).",
    usage: `deliveries list --destination DESTINATION_ID [--status ${DELIVERY_STATUSES.join("|")}] [--limit N] [--json]`,
    options: { destination: { type: "string" }, status: { type: "string" }, limit: { type: "string" } },
    async run(args, ctx) {
      const status = args.values.status;
      if (status !== undefined && !(DELIVERY_STATUSES as readonly unknown[]).includes(status)) throw new UsageError(`--status must be one of ${DELIVERY_STATUSES.join(", ")}`);
      const log = new DeliveryLogService(ctx.db, LOCAL_CLI_ACTOR);
      const destinationId = requireString(args, "destination");
      const limit = optionalInteger(args, "limit", 50, 1000);
      if (status === "dead") {
        const letters = await log.deadLetters(ctx.workspaceId, destinationId, limit);
        printResult(json(args), letters, letters.map((l) => ({ position: String(l.eventPosition), action: l.actionId, code: l.errorCode, attempts: String(l.attempts), error: l.error.slice(0, 80) })));
        return;
      }
      const list = await log.deliveries(ctx.workspaceId, destinationId, { status: status as DeliveryStatus | undefined, limit });
      printResult(json(args), list, list.map((d) => ({ at: d.createdAt, status: d.status, events: String(d.eventPositions.length), http: String(d.responseStatus ?? "-"), ms: String(d.durationMs), error: (d.error ?? "").slice(0, 60) })));
    },
  },
  {
    name: "dead-letters redrive",
    summary: "Send a destination's dead letters again (each becomes a retry due now).",
    usage: "dead-letters redrive --destination DESTINATION_ID [--json]",
    options: { destination: { type: "string" } },
    async run(args, ctx) {
      const result = await new DeliveryLogService(ctx.db, LOCAL_CLI_ACTOR).redrive(ctx.workspaceId, requireString(args, "destination"));
      printResult(json(args), result, [{ redriven: String(result.redriven) }]);
    },
  },
];
