/**
 * What an agent is doing right now, read with doc 7.1 agent_status, and the guard every step that
 * can interrupt an agent passes first (a delete, the delete half of a replacement, unbinding its
 * phone, logging it out with doc 4.2.8 offline_client): an agent ringing, calling or in a call (and,
 * by default, in wrap-up) is waited for, up to clink:liveAgentWaitSeconds, then the step is refused.
 */
import { ClinkApiError, type ClinkClient } from "../api";
import { liveAgentWait } from "../settings";
import { ClinkProviderError, readOrGone } from "./errors";

/** An agent's state, from doc 7.1's `agentStatus` codes and words. */
export type Activity = "offline" | "idle" | "paused" | "wrapup" | "calling" | "ringing" | "busy" | "unknown";

export interface AgentState {
  cno: string;
  /** Doc 7.1 `clientName`. */
  name?: string;
  activity: Activity;
  /** What the server said (`agentStatusDetail`, else `agentStatus`), for messages: "通话", "外呼振铃". */
  shown: string;
}

/**
 * Doc 7.1 request `agentStatus`: "IDLE:空闲; PAUSE:置忙; WRAPUP:整理; CALLING: 呼叫中; RINGING:响铃;
 * BUSY:通话". The document's answer example gives the words ("agentStatus": "空闲"), the request the
 * codes: both are read. `agentStatusDetails` adds 忙碌, 呼入振铃, 外呼振铃, 呼入通话, 外呼通话; 离线 and
 * OFFLINE are what doc 3.2.8 queue members show for an agent not logged in.
 */
const ACTIVITY: Record<string, Activity> = {
  IDLE: "idle",
  空闲: "idle",
  PAUSE: "paused",
  置忙: "paused",
  忙碌: "paused",
  WRAPUP: "wrapup",
  整理: "wrapup",
  CALLING: "calling",
  呼叫中: "calling",
  RINGING: "ringing",
  响铃: "ringing",
  呼入振铃: "ringing",
  外呼振铃: "ringing",
  BUSY: "busy",
  通话: "busy",
  呼入通话: "busy",
  外呼通话: "busy",
  OFFLINE: "offline",
  离线: "offline",
};

const CALL: ReadonlySet<Activity> = new Set(["calling", "ringing", "busy"]);

const activityOf = (v: unknown): Activity | undefined =>
  typeof v === "string" ? (ACTIVITY[v.trim().toUpperCase()] ?? ACTIVITY[v.trim()]) : undefined;

/**
 * One entry of doc 7.1's `agentStatus` list as a state. The detail may be a custom pause's name
 * (doc 7.1 `agentStatusDetails`: 自定义置忙状态), so the code/word in `agentStatus` decides, then the
 * detail; `customerStatus` (空闲, 呼叫中, 响铃, 通话) showing a call wins over a quiet agent state.
 * A state no reading knows is "unknown", which the guard treats as possibly on a call.
 */
export function stateOf(entry: Record<string, unknown>): AgentState {
  const cno = String(entry.cno ?? "");
  const name = typeof entry.clientName === "string" && entry.clientName !== "" ? entry.clientName : undefined;
  const detail = typeof entry.agentStatusDetail === "string" ? entry.agentStatusDetail : undefined;
  const status = typeof entry.agentStatus === "string" ? entry.agentStatus : undefined;
  let activity: Activity = activityOf(status) ?? activityOf(detail) ?? "unknown";
  const customer = activityOf(entry.customerStatus);
  if (customer && CALL.has(customer) && !CALL.has(activity)) activity = customer;
  // A custom pause name in the detail says more than 置忙; a code (IDLE) says less than its detail.
  const shown = detail || status || "?";
  return { cno, ...(name !== undefined ? { name } : {}), activity, shown };
}

/** Whether a step may interrupt the agent now: not on a call (nor, when waited for, in wrap-up). */
export function interrupts(state: AgentState, waitForWrapup: boolean): boolean {
  return CALL.has(state.activity) || state.activity === "unknown" || (waitForWrapup && state.activity === "wrapup");
}

/** "in a call (通话)", "ringing (外呼振铃)": the state in words, with what the server said. */
export function describeActivity(state: AgentState): string {
  const words: Record<Activity, string> = {
    offline: "logged out",
    idle: "logged in and idle",
    paused: "logged in and paused",
    wrapup: "in wrap-up after a call",
    calling: "placing a call",
    ringing: "ringing",
    busy: "in a call",
    unknown: "in a state pulumi-clink does not know",
  };
  return state.activity === "offline" ? words.offline : `${words[state.activity]} (${state.shown})`;
}

/** "agent 1001 alice" */
export const agentLabel = (state: AgentState): string => `agent ${state.cno}${state.name ? ` ${state.name}` : ""}`;

/**
 * The states of several agents, one doc 7.1 request per 100 (`cnos` filter; `limit` at most 100).
 * An agent the answer does not list is not logged in.
 */
export async function readAgentStates(api: ClinkClient, cnos: string[]): Promise<Map<string, AgentState>> {
  const out = new Map<string, AgentState>();
  const unique = [...new Set(cnos)];
  for (let i = 0; i < unique.length; i += 100) await readPart(api, unique.slice(i, i + 100), out);
  for (const cno of unique) if (!out.has(cno)) out.set(cno, { cno, activity: "offline", shown: "offline" });
  return out;
}

/**
 * One doc 7.1 request. A strict server answers ResourceNotFound (doc 2.4.1) when `cnos` names an
 * agent that does not exist (deleted in the console): such an agent is not listed, so offline. The
 * answer does not say which one, and an agent on a call may share the request: each is asked alone.
 */
async function readPart(api: ClinkClient, part: string[], out: Map<string, AgentState>): Promise<void> {
  const listed = await readOrGone(() =>
    api.listAll<Record<string, unknown>>("/cc/agent_status", "agentStatus", { cnos: part }),
  );
  if (listed === undefined) {
    if (part.length > 1) for (const cno of part) await readPart(api, [cno], out);
    return;
  }
  for (const entry of listed) {
    const state = stateOf(entry);
    if (part.includes(state.cno)) out.set(state.cno, state);
  }
}

/**
 * Agents asked for within one short window share one request: a destroy of 500 agents asks about
 * each before its delete, and doc 7.1 takes up to 100 `cnos` at once (paced at 3 per second per
 * endpoint, doc 2.6, one request each would take minutes).
 */
const BATCH_WINDOW_MS = 100;
let open: { api: ClinkClient; cnos: Set<string>; result: Promise<Map<string, AgentState>> } | undefined;

export function readAgentState(api: ClinkClient, cno: string): Promise<AgentState> {
  if (!open || open.api !== api || open.cnos.size >= 100) {
    const batch = { api, cnos: new Set<string>(), result: Promise.resolve(new Map<string, AgentState>()) };
    batch.result = new Promise<void>((r) => setTimeout(r, BATCH_WINDOW_MS)).then(() => {
      if (open === batch) open = undefined;
      return readAgentStates(api, [...batch.cnos]);
    });
    open = batch;
  }
  open.cnos.add(cno);
  return open.result.then((states) => states.get(cno)!);
}

/** Thrown when the wait runs out; the step is not done and the resource stays in the state. */
export class LiveAgentError extends ClinkProviderError {
  constructor(
    message: string,
    readonly state: AgentState,
  ) {
    super(message);
  }
  override get code() {
    return "CLINK_AGENT_BUSY";
  }
}

export interface GuardOptions {
  /** Seconds to wait for the call to end: clink:liveAgentWaitSeconds (0 refuses at once). */
  waitSeconds?: number;
  /** Whether wrap-up is waited for too: clink:liveAgentWaitForWrapup. */
  waitForWrapup?: boolean;
  /** Between two looks. @default 2000 (each look is one paced request, doc 2.6). */
  pollMs?: number;
  now?: () => number;
}

/**
 * Waits until the agent is on no call, then returns its state (the caller may then delete, unbind,
 * log out). `step` names what would interrupt it: "delete", "unbind its phone", "log it out".
 * Throws LiveAgentError naming the agent, its state and the time waited when the wait runs out.
 */
export async function untilFree(
  api: ClinkClient,
  cno: string,
  step: string,
  options: GuardOptions = {},
): Promise<AgentState> {
  const settings = liveAgentWait();
  const waitSeconds = options.waitSeconds ?? settings.seconds;
  const waitForWrapup = options.waitForWrapup ?? settings.wrapup;
  const pollMs = options.pollMs ?? 2000;
  const now = options.now ?? Date.now;
  const started = now();
  for (;;) {
    let state: AgentState;
    try {
      state = await readAgentState(api, cno);
    } catch (err) {
      // A key without the right to agent_status (doc 2.4 UnauthorizedOperation) whose owner chose
      // to go on unguarded; any other failure (network, server) still refuses.
      if (settings.unreadable === "proceed" && err instanceof ClinkApiError && err.code === "UnauthorizedOperation") {
        console.log(
          `pulumi-clink: agent ${cno}: its state cannot be read with this access key (doc 7.1 agent_status: UnauthorizedOperation); ` +
            `the ${step} goes on unguarded (clink:liveAgentUnreadable proceed): a call in progress may be cut.`,
        );
        return { cno, activity: "offline", shown: "not readable" };
      }
      const why = err instanceof Error ? err.message : String(err);
      throw new LiveAgentError(
        `agent ${cno}: its state could not be read (doc 7.1 agent_status: ${why}), so the ${step} is not done: ` +
          `pulumi-clink does not touch an agent it cannot see is off a call. The access key needs the right to agent_status ` +
          `(or, accepting that a call may be cut, set clink:liveAgentUnreadable to proceed).`,
        { cno, activity: "unknown", shown: "?" },
      );
    }
    if (!interrupts(state, waitForWrapup)) return state;
    const waited = (now() - started) / 1000;
    if (waited >= waitSeconds) {
      const how =
        waitSeconds === 0
          ? "clink:liveAgentWaitSeconds is 0, so it was not waited for"
          : `waited ${Math.round(waited)} s for it to end (clink:liveAgentWaitSeconds: ${waitSeconds})`;
      throw new LiveAgentError(
        `${agentLabel(state)} is ${describeActivity(state)}: ${how}. The ${step} is not done and the object is kept, ` +
          `so no call is cut. Run the deployment again when the agent is free, or raise clink:liveAgentWaitSeconds ` +
          `(CLINK_LIVE_AGENT_WAIT_SECONDS).`,
        state,
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, (waitSeconds - waited) * 1000))));
  }
}
