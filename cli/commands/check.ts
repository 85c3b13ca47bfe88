import { readFileSync } from "node:fs";
import { getActionDefinition, getDestinationDefinition } from "../../server/destinations/catalog";
import { previewMapping } from "../../server/mapping/preview";
import { checkTrigger } from "../../server/triggers/check";
import { requirePositional, UsageError, type ParsedArgs } from "../args";
import type { Command } from "../command";

function readEvent(args: ParsedArgs, required: boolean): unknown {
  const file = args.values.event;
  if (typeof file !== "string") {
    if (required) throw new UsageError("--event FILE is required");
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    throw new UsageError(`--event ${file}: ${(error as Error).message}`);
  }
}

/** Prints the result and sets a failing exit code when the checked text is invalid, for CI use. */
function report(args: ParsedArgs, ok: boolean, value: unknown, text: string): void {
  process.stdout.write(args.values.json === true ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  if (!ok) process.exitCode = 1;
}

export const checkCommands: Command[] = [
  {
    name: "trigger check",
    summary: "Check a trigger's syntax and, with --event, whether it matches that event. Exits 1 when invalid.",
    usage: "trigger check EXPRESSION [--event FILE] [--json]",
    options: { event: { type: "string" } },
    positionals: ["EXPRESSION"],
    offline: true,
    async run(args) {
      const result = checkTrigger(requirePositional(args, 0, "EXPRESSION"), readEvent(args, false));
      const text = result.valid
        ? `valid${result.matches === undefined ? "" : result.matches ? ", matches the event" : ", does not match the event"}`
        : `invalid at line ${result.error.line}, column ${result.error.column}: ${result.error.message}`;
      report(args, result.valid, result, text);
    },
  },
  {
    name: "mapping eval",
    summary: "Evaluate a mapping over an event; with an action, validate the payload against its fields. Exits 1 on errors.",
    usage: "mapping eval (--file FILE | --expr EXPRESSION) --event FILE [--destination-type KEY --action KEY] [--json]",
    options: { file: { type: "string" }, expr: { type: "string" }, event: { type: "string" }, "destination-type": { type: "string" }, action: { type: "string" } },
    offline: true,
    async run(args) {
      const { file, expr } = args.values;
      if ((typeof file === "string") === (typeof expr === "string")) throw new UsageError("Give exactly one of --file and --expr");
      const text = typeof file === "string" ? readFileSync(file, "utf8") : String(expr);
      const type = args.values["destination-type"];
      const actionKey = args.values.action;
      if ((type === undefined) !== (actionKey === undefined)) throw new UsageError("--destination-type and --action go together");
      const fields = typeof type === "string" && typeof actionKey === "string" ? getActionDefinition(getDestinationDefinition(type), actionKey).fields : undefined;
      const result = await previewMapping(text, readEvent(args, true), fields);
      const human = result.ok
        ? JSON.stringify(result.payload, null, 2)
        : result.errors.map((e) => `${e.code}${e.path ? ` ${e.path}` : ""}${e.line ? ` (line ${e.line}, column ${e.column})` : ""}: ${e.message}`).join("\n");
      report(args, result.ok, result, human);
    },
  },
];
