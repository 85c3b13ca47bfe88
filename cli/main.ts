import { AppError } from "../server/errors";
import { helpText, parseCommandArgs, UsageError } from "./args";
import type { Command } from "./command";
import { checkCommands } from "./commands/check";
import { destinationCommands } from "./commands/destination";
import { eventCommands } from "./commands/events";
import { mappingCommands } from "./commands/mappings";
import { sourceCommands } from "./commands/source";
import { openCliContext } from "./context";
import { openRemoteContext, RemoteError, remoteTargetOf } from "./remote";

const commands: Command[] = [...sourceCommands, ...eventCommands, ...destinationCommands, ...mappingCommands, ...checkCommands];

function overview(prefix = ""): string {
  const shown = commands.filter((c) => c.name.startsWith(prefix));
  const width = Math.max(...shown.map((c) => c.name.length));
  return (
    "Switchyard: manage sources, destinations and events from the command line.\n" +
    "Uses the database in DATABASE_URL (default: the SQLite file under ./data), or, with\n" +
    "SWITCHYARD_URL and SWITCHYARD_TOKEN (an API token), a Switchyard server over HTTP.\n\n" +
    "Commands:\n" +
    shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n") +
    "\n\nRun `switchyard COMMAND --help` for a command's options.\n"
  );
}

/** Finds the command named by the longest matching prefix of the arguments ("source create ..."). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const group = argv[0] && !argv[0].startsWith("-") ? argv[0] : "";
    const known = group !== "" && commands.some((c) => c.name.startsWith(`${group} `));
    const wantsHelp = argv.length === 0 || argv.includes("--help") || argv.includes("-h");
    if (wantsHelp || known) {
      process.stdout.write(overview(known ? `${group} ` : ""));
      return wantsHelp ? 0 : 2;
    }
    process.stderr.write(`Unknown command "${argv.join(" ")}".\n\n${overview()}`);
    return 2;
  }
  const { command, rest } = found;
  const json = rest.includes("--json");
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      process.stdout.write(helpText(command));
      return 0;
    }
    if (command.offline) {
      await command.run(args);
      return typeof process.exitCode === "number" ? process.exitCode : 0;
    }
    const workspace = typeof args.values.workspace === "string" ? args.values.workspace : undefined;
    const remote = remoteTargetOf(args);
    if (remote) {
      if (!command.remote) throw new RemoteError("USAGE", `"${command.name}" works on a local database only; unset SWITCHYARD_URL and SWITCHYARD_TOKEN to use it`);
      await command.remote(args, await openRemoteContext(remote, workspace));
      return 0;
    }
    const context = await openCliContext(workspace);
    try {
      await command.run(args, context);
    } finally {
      await context.close();
    }
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(json ? `${JSON.stringify({ error: { code: "USAGE", message: error.message } })}\n` : `${error.message}\n\n${helpText(command)}`);
      return 2;
    }
    if (error instanceof AppError || error instanceof RemoteError) {
      process.stderr.write(json ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n` : `${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

// `switchyard ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
