import type { CliContext } from "./context";
import type { CommandSpec, ParsedArgs } from "./args";
import type { RemoteContext } from "./remote";

/**
 * One CLI command: its spec (for parsing and --help) and what it does. `remote` is how it runs
 * against a server with an API token (SWITCHYARD_URL + SWITCHYARD_TOKEN); commands without it
 * work on the local database only.
 */
export type Command = CommandSpec &
  (
    | { offline?: false; run(args: ParsedArgs, context: CliContext): Promise<void>; remote?(args: ParsedArgs, context: RemoteContext): Promise<void> }
    /** Checks of text and files only: runs without opening the database. */
    | { offline: true; run(args: ParsedArgs): Promise<void> }
  );
