import type { CliContext } from "./context";
import type { CommandSpec, ParsedArgs } from "./args";

/** One CLI command: its spec (for parsing and --help) and what it does. */
export type Command = CommandSpec &
  (
    | { offline?: false; run(args: ParsedArgs, context: CliContext): Promise<void> }
    /** Checks of text and files only: runs without opening the database. */
    | { offline: true; run(args: ParsedArgs): Promise<void> }
  );
