/**
 * `review`: an engine event log in, the Markdown summary of its changes out. Each step is a
 * module of its own: events.ts (read the log), model.ts (what changes on each object),
 * memberships.ts (who joins and leaves which queue), warnings.ts (what can hurt a live center),
 * render.ts (the Markdown, under GitHub's comment limit).
 */
import { parseEventLog } from "./events";
import { membershipChanges } from "./memberships";
import { modelOf } from "./model";
import { directoryOf } from "./naming";
import { GITHUB_COMMENT_LIMIT, ordered, render } from "./render";
import { warningsOf } from "./warnings";

export { EventLogError } from "./events";
export { GITHUB_COMMENT_LIMIT } from "./render";

export interface ReviewOptions {
  /** The headline's title. Default "Clink changes". */
  title?: string;
  /**
   * The most characters the summary may have. Default: GitHub's comment limit less 536, room for
   * a marker line or a heading a workflow adds.
   */
  maxChars?: number;
  /** Warnings said first, before the log's own (review --live-agents, live-agents.ts). */
  liveAgents?: string[];
}

export const DEFAULT_MAX_CHARS = GITHUB_COMMENT_LIMIT - 536;

/** The Markdown summary of an event log's text (one JSON engine event per line). */
export function reviewEventLog(text: string, options: ReviewOptions = {}): string {
  const log = parseEventLog(text);
  const model = modelOf(log);
  const dir = directoryOf(model);
  const objects = ordered(model, dir);
  const memberships = membershipChanges(objects);
  // The provider's own live-agent warnings first (provider/plugin/live-preview.ts): a call cut is the worst.
  // The line the review looked up now stands for the preview's about the same agent.
  const looked = options.liveAgents ?? [];
  const fromLog = log.liveAgents.filter((l) => !looked.some((n) => n.startsWith(l.split(" is ")[0] + " ")));
  const warnings = [...looked, ...fromLog.map((l) => `${l}.`), ...warningsOf(objects, memberships, dir)];
  return render(
    { log, objects, memberships, warnings, dir },
    { title: options.title ?? "Clink changes", maxChars: options.maxChars ?? DEFAULT_MAX_CHARS },
  );
}
