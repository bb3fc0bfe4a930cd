#!/usr/bin/env node
/**
 * `pulumi-clink <command>`: the package's command line. Each command is its own module, loaded
 * only when run, and exits 0 when it did its work, 1 when it failed, 2 on a usage mistake.
 */
import { parseArgs } from "node:util";

const commands: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  export: async () => (await import("./export")).main,
};

const summaries: Record<string, string> = {
  export: "read a live center and write a Pulumi project that declares it (adopt: true)",
};

function usage(): string {
  return [
    "Usage: pulumi-clink <command> [options]",
    "",
    "Commands:",
    ...Object.keys(commands).map((name) => `  ${name.padEnd(10)} ${summaries[name] ?? ""}`),
    "",
    "Run `pulumi-clink <command> --help` for a command's options.",
  ].join("\n");
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name.startsWith("-")) {
    // Only the global flags: --help (or nothing) prints the commands.
    const { values } = parseArgs({
      args: argv,
      strict: false,
      options: { help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`pulumi-clink: no command "${name}".\n${usage()}\n`);
    return 2;
  }
  return (await load())(rest);
}

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
