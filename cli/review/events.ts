/**
 * Reads an engine event log: one JSON engine event per line, as `pulumi preview --event-log FILE`
 * (and `pulumi up --event-log`) writes it; the Automation API's `onEvent` hands over the same
 * objects. Only resource step metadata is kept (`resourcePreEvent`, `resOutputsEvent`,
 * `resOpFailedEvent`), merged per resource. Diagnostic events are counted by severity and never
 * kept: their text may quote anything.
 */
import { LIVE_AGENT_WARNING } from "../../provider/plugin/live-preview";
import { isRecord, type Props } from "./values";

export interface ResourceState {
  id?: string;
  inputs: Props;
  outputs: Props;
}

/** Everything the log says about one resource (one URN). */
export interface ResourceSteps {
  urn: string;
  /** The type token, e.g. "pulumi-nodejs:dynamic/clink:Client". */
  type: string;
  /** The resource's name in the program (the URN's last part). */
  name: string;
  /** The step ops in the order they came (e.g. ["create-replacement", "replace", "delete-replaced"]). */
  ops: string[];
  /** State before the step (after any refresh of the same run). */
  old?: ResourceState;
  /** State the step plans or produced. */
  new?: ResourceState;
  /** Fields the provider says force a replacement (metadata.keys). */
  replaceKeys: string[];
  /** Fields the engine reports as changed (metadata.diffs), when the provider says (dynamic providers do not). */
  changedKeys: string[];
  failed: boolean;
}

export interface EventLog {
  resources: ResourceSteps[];
  /** Diagnostics of severity error: counted, never quoted. */
  errors: number;
  /**
   * The provider's live-agent warnings (provider/plugin/live-preview.ts): "agent 1001 alice is in
   * a call now: its delete will wait up to 300 s ...". The only diagnostics read, and only in
   * that exact form: one line naming an agent number.
   */
  liveAgents: string[];
  /** The summary event's result ("succeeded", "failed"), when the log has one. */
  result?: string;
  isPreview?: boolean;
  /** How many lines were engine events. */
  events: number;
}

export class EventLogError extends Error {}

/** Ops of a refresh or read: the resource's state is looked at, not changed by the program. */
const LOOK_OPS = new Set(["refresh", "read", "read-discard", "discard-replaced"]);

function stateOf(v: unknown): ResourceState | undefined {
  if (!isRecord(v)) return undefined;
  return {
    id: typeof v.id === "string" && v.id !== "" ? v.id : undefined,
    inputs: isRecord(v.inputs) ? v.inputs : {},
    outputs: isRecord(v.outputs) ? v.outputs : {},
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

const LIVE_AGENT_LINE = /^agent \d{4,11}[^\n]{1,300}$/;

function liveAgentWarning(d: unknown): string | undefined {
  if (!isRecord(d) || d.severity !== "warning" || typeof d.message !== "string") return undefined;
  // eslint-disable-next-line no-control-regex
  const text = d.message.replace(/\u001b\[[0-9;]*m/g, "").trim();
  const at = text.indexOf(LIVE_AGENT_WARNING);
  if (at < 0) return undefined;
  const line = text.slice(at + LIVE_AGENT_WARNING.length).trim();
  return LIVE_AGENT_LINE.test(line) ? line : undefined;
}

export function parseEventLog(text: string): EventLog {
  const byUrn = new Map<string, ResourceSteps & { looked?: { old?: ResourceState; new?: ResourceState } }>();
  const log: EventLog = { resources: [], errors: 0, events: 0, liveAgents: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      // A run that was killed leaves its last line half written: a partial tail is said, not fatal.
      if (lines.slice(i + 1).every((l) => l.trim() === "")) return;
      throw new EventLogError(`line ${i + 1} is not JSON: not an engine event log (pulumi preview --event-log FILE)`);
    }
    if (!isRecord(event)) throw new EventLogError(`line ${i + 1} is not an engine event`);
    // Every engine event has one member named for its kind ("resourcePreEvent", "summaryEvent", ...).
    if (!Object.keys(event).some((k) => k.endsWith("Event"))) return;
    log.events++;
    if (isRecord(event.diagnosticEvent) && event.diagnosticEvent.severity === "error") log.errors++;
    const live = liveAgentWarning(event.diagnosticEvent);
    if (live && !log.liveAgents.includes(live)) log.liveAgents.push(live);
    if (isRecord(event.summaryEvent)) {
      if (typeof event.summaryEvent.result === "string") log.result = event.summaryEvent.result;
      if (typeof event.summaryEvent.isPreview === "boolean") log.isPreview = event.summaryEvent.isPreview;
    }
    const step = event.resourcePreEvent ?? event.resOutputsEvent ?? event.resOpFailedEvent;
    if (!isRecord(step) || !isRecord(step.metadata)) return;
    const m = step.metadata;
    if (typeof m.urn !== "string" || typeof m.type !== "string" || typeof m.op !== "string") return;
    // The stack itself and the provider instances are the engine's, not objects of the center.
    if (m.type.startsWith("pulumi:")) return;
    let r = byUrn.get(m.urn);
    if (!r) {
      r = {
        urn: m.urn,
        type: m.type,
        name: m.urn.split("::").pop() ?? m.urn,
        ops: [],
        replaceKeys: [],
        changedKeys: [],
        failed: false,
      };
      byUrn.set(m.urn, r);
    }
    if (r.ops[r.ops.length - 1] !== m.op) r.ops.push(m.op);
    if (event.resOpFailedEvent !== undefined) r.failed = true;
    const older = stateOf(m.old);
    const newer = stateOf(m.new);
    if (LOOK_OPS.has(m.op)) {
      r.looked = { old: r.looked?.old ?? older, new: newer ?? r.looked?.new };
    } else {
      // Later events of a step carry the fuller state (resOutputsEvent has the outputs).
      if (older) r.old = older;
      if (newer) r.new = newer;
    }
    for (const k of strings(m.keys)) if (!r.replaceKeys.includes(k)) r.replaceKeys.push(k);
    for (const k of strings(m.diffs)) if (!r.changedKeys.includes(k)) r.changedKeys.push(k);
  });
  if (log.events === 0) throw new EventLogError("no engine events: is this a `pulumi preview --event-log FILE` file?");
  for (const r of byUrn.values()) {
    const { looked, ...rest } = r;
    // A resource only refreshed (a `pulumi refresh` log) is described by its refresh.
    if (!rest.old && !rest.new && looked) Object.assign(rest, { old: looked.old, new: looked.new });
    log.resources.push(rest);
  }
  return log;
}
