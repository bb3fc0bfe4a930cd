#!/usr/bin/env node
/**
 * `pulumi-clink COMMAND ...`: the package's command line. Each command is one row of COMMANDS;
 * a new command is a new row. Exit codes: 0 done, 1 a failure the message explains, 2 a command
 * line that cannot be taken (the usage follows).
 */
import * as fs from "node:fs";
import { CliError, UsageError, type Command, type Io } from "./command";
import { reviewCommand } from "./review/command";

/** Export reads a whole center: its module (and the provider's) loads only when it runs. */
const exportCommand: Command = {
  summary: "read a live center and write a Pulumi project that declares it (adopt: true)",
  usage: "Run `pulumi-clink export --help` for the options.",
  // The exporter writes its progress, summary and own usage errors to the process's streams.
  // A full path: under node16 a CommonJS file's import() is Node's own, which resolves no directory.
  run: async (args) => (await import("./export/index.js")).main(args),
};

const COMMANDS: Record<string, Command> = {
  export: exportCommand,
  review: reviewCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    "usage: pulumi-clink COMMAND [ARGS]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "`pulumi-clink COMMAND --help` says more about one.",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`pulumi-clink: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`pulumi-clink ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    // Clear errors without stack traces; an unexpected one says it is a bug.
    const message = err instanceof Error ? err.message : String(err);
    io.err(
      err instanceof CliError
        ? `pulumi-clink ${name}: ${message}\n`
        : `pulumi-clink ${name}: unexpected failure (a bug of pulumi-clink, please report it): ${message}\n`,
    );
    return 1;
  }
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => fs.readFileSync(path, "utf8"),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** The command line as the bin runs it, on the process's streams. */
export const run = (argv: string[]): Promise<number> => main(argv, processIo);

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pulumi-clink: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
