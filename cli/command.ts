import type { CliContext } from "./context";
import type { CommandSpec, ParsedArgs } from "./args";

/** One CLI command: its spec (for parsing and --help) and what it does. */
export type Command = CommandSpec & {
  run(args: ParsedArgs, context: CliContext): Promise<void>;
};
