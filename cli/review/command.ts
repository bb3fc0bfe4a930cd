/** `pulumi-clink review EVENTS`: prints the Markdown summary of an engine event log. */
import { parseArgs } from "node:util";
import { CliError, UsageError, type Command } from "../command";
import { DEFAULT_MAX_CHARS, EventLogError, reviewEventLog } from "./index";
import { liveAgentLines } from "./live-agents";

const usage = `usage: pulumi-clink review [--title TEXT] [--max-chars N] [--live-agents] EVENTS

Prints a Markdown summary of the changes in an engine event log, for a pull-request comment:
counts per kind, warnings for what can hurt a live center, then each changed object field by
field. Secrets and diagnostic messages are never printed.

  EVENTS           the log of \`pulumi preview --event-log EVENTS\` (or of \`pulumi up\`), or - for
                   standard input
  --title TEXT     the headline's title (default "Clink changes")
  --live-agents    ask the center (doc 7.1 agent_status, with the CLINK_* credentials) what each
                   agent the changes delete, replace, unbind or take out of its last queue is
                   doing now, and warn about those logged in or on a call: a preview shows the
                   provider no plain delete
  --max-chars N    cut the summary to at most N characters (default ${DEFAULT_MAX_CHARS}: GitHub's
                   comment limit of 65536 less room for a marker line)
  -h, --help       this text
`;

export const reviewCommand: Command = {
  summary: "summarize the changes in a `pulumi preview --event-log` file as Markdown for a pull request",
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          title: { type: "string" },
          "max-chars": { type: "string" },
          "live-agents": { type: "boolean" },
          help: { type: "boolean", short: "h" },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (parsed.values.help) {
      io.out(usage);
      return 0;
    }
    const [file, ...more] = parsed.positionals;
    if (file === undefined) throw new UsageError("give the event log file (or - for standard input)");
    if (more.length > 0) throw new UsageError("give one event log file");
    const maxText = parsed.values["max-chars"];
    const maxChars = maxText === undefined ? undefined : Number(maxText);
    if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 1000))
      throw new UsageError(`--max-chars must be a whole number of at least 1000, not '${maxText}'`);
    let text: string;
    try {
      text = file === "-" ? await io.readStdin() : io.readFile(file);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new CliError(`cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    let liveAgents: string[] | undefined;
    if (parsed.values["live-agents"]) {
      try {
        liveAgents = await liveAgentLines(text);
      } catch (err) {
        if (err instanceof EventLogError)
          throw new CliError(`${file === "-" ? "standard input" : file}: ${err.message}`);
        // The summary still matters more than this look: said in it, not failed for it.
        liveAgents = [
          `The agents' states could not be read (doc 7.1 agent_status: ${(err as Error).message}): an agent on a call is still waited for when its step runs.`,
        ];
      }
    }
    try {
      io.out(reviewEventLog(text, { title: parsed.values.title, maxChars, liveAgents }));
    } catch (err) {
      if (err instanceof EventLogError) throw new CliError(`${file === "-" ? "standard input" : file}: ${err.message}`);
      throw err;
    }
    return 0;
  },
};
