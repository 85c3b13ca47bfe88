import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how the command was called: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {}

export type CommandSpec = {
  /** e.g. "source create" */
  name: string;
  summary: string;
  usage: string;
  options?: NonNullable<ParseArgsConfig["options"]>;
  /** Names of positional arguments, in order. */
  positionals?: string[];
};

export const COMMON_OPTIONS = {
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  workspace: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...spec.options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireString(args: ParsedArgs, name: string): string {
  const value = args.values[name];
  if (typeof value !== "string" || value.length === 0) throw new UsageError(`--${name} is required`);
  return value;
}

export function requirePositional(args: ParsedArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`${name} is required`);
  return value;
}

export function optionalInteger(args: ParsedArgs, name: string, fallback: number, max: number): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return value;
}

export function helpText(spec: CommandSpec): string {
  return `${spec.summary}\n\nUsage: switchyard ${spec.usage}\n\nCommon options:\n  --json             print JSON\n  --workspace ID     the workspace (default: the first one; with a token, the token's)\n  --url URL          a Switchyard server to talk to (default: SWITCHYARD_URL)\n  --token TOKEN      an API token for that server (default: SWITCHYARD_TOKEN)\n  -h, --help         show this help\n`;
}
