/** What every subcommand of `pulumi-clink` is made of, and the two ways one fails. */

/** Where a command reads and writes: the process's streams, or a test's buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): Promise<string>;
}

export interface Command {
  /** One line for the usage text. */
  summary: string;
  /** The command's own help (`pulumi-clink COMMAND --help`). */
  usage: string;
  /** Resolves to the exit code; throws UsageError or CliError. */
  run(args: string[], io: Io): Promise<number>;
}

/** A command line the command cannot take: exit code 2, with the usage. */
export class UsageError extends Error {}

/** A failure the user can act on (a missing file, a file that is no event log): exit code 1. */
export class CliError extends Error {}
