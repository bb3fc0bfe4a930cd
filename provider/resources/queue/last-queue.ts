/**
 * Issue 27: removing an agent from its LAST queue. An agent in no queue is offered no queue call,
 * so a step that leaves an agent on a call without a queue is waited for like a delete: a
 * QueueMember delete (doc 3.2.3 batch_update_queue `removeQueueMembers`, also the delete half of
 * its replacement), a Queue update whose `members` drops agents (doc 3.2.2 update_queue,
 * `queueMembers` replaces the list) and a Client update whose `qnos` drops queues (doc 3.1.2
 * update_client sets exactly `qnos`). A Queue delete needs no look of its own: doc 3.2.5
 * delete_queue refuses it while a member is logged in (OnlineClientInQueue), and the
 * forceOfflineOnDelete path logs each member out through the guard (provider/plugin/log-out.ts).
 *
 * The decision, cheapest first: an agent the step leaves in other queues it declares (Client.qnos
 * not empty) needs no look; the others' states are read in one doc 7.1 agent_status request for the
 * whole step; only an agent on a call has its queues read (doc 3.1.5 describe_client `qnos`,
 * docs/design.md "Last queue") and, when the step takes its last one, is waited for (untilFree).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ClinkClient } from "../../api";
import {
  agentLabel,
  interrupts,
  readAgentState,
  untilFree,
  type AgentState,
  type GuardOptions,
} from "../../plugin/agent-state";
import { warn } from "../../plugin/engine-log";
import { LIVE_AGENT_WARNING, liveAgentLine } from "../../plugin/live-preview";
import { explain, readOrGone } from "../../plugin/errors";
import { apiClient, liveAgentWait } from "../../settings";

/** One agent losing queues in one step. */
export interface QueueLoss {
  cno: string;
  /** The queues the step takes the agent out of (as the state last saw them). */
  qnos: string[];
  /**
   * The agent's whole queue set after the step, when the step sets it (Client.qnos: update_client
   * sets exactly those, doc 3.1.2); undefined when the agent keeps whatever else it holds.
   */
  after?: string[];
}

/** An agent a step would take out of its last queue, and what it is doing now. */
export interface LastQueueRisk {
  state: AgentState;
  /** The queues it holds now that the step takes. */
  qnos: string[];
}

/** The elements of a set field in either form: a list (outputs) or keyed (checked inputs). */
export function setKeys(value: unknown, keyField?: string): string[] {
  if (Array.isArray(value))
    return value
      .map((v) => (keyField && v && typeof v === "object" ? (v as Record<string, unknown>)[keyField] : v))
      .filter((v) => v !== undefined && v !== null)
      .map(String);
  return value && typeof value === "object" ? Object.keys(value) : [];
}

/**
 * Removals of this process under way, per agent: two steps of one deployment that take an agent
 * out of its two queues at once would each see the other queue still held. Each counts the
 * others' removals as done, so the later-looking one (or both) waits.
 */
const leaving = new Map<string, Map<symbol, string[]>>();

function othersLeaving(cno: string, mine: symbol): Set<string> {
  const out = new Set<string>();
  for (const [token, qnos] of leaving.get(cno) ?? []) if (token !== mine) qnos.forEach((q) => out.add(q));
  return out;
}

/**
 * The agent's queues on the server: doc 3.1.5 describe_client `qnos` ("座席所属队列的队列号数组"),
 * else its `queues[].qno`. Undefined when the agent is gone (ResourceNotFound).
 */
export async function queuesOf(api: ClinkClient, cno: string): Promise<string[] | undefined> {
  const answer = await readOrGone(() =>
    api.request<{ client?: { qnos?: unknown; queues?: unknown } }>("GET", "/cc/describe_client", { query: { cno } }),
  );
  const client = answer?.client;
  if (!client) return undefined;
  return Array.isArray(client.qnos) ? setKeys(client.qnos) : setKeys(client.queues, "qno");
}

export interface DecideOptions {
  /** Which states count: at run time those a step waits for; at preview also a logged-in agent. */
  counts: (state: AgentState) => boolean;
  /** This step's token in the registry of removals under way (run time only). */
  token?: symbol;
  /** Removals other steps of this plan make, per agent (preview: the diffs seen so far). */
  planned?: Map<string, Set<string>>;
  /**
   * A state that cannot be read: at run time it counts (the wait then refuses, or goes on as
   * clink:liveAgentUnreadable says); at preview the error is thrown, for the warning to say so.
   */
  unreadable?: "count" | "throw";
}

/**
 * The agents `losses` would take out of their last queue whose state `counts`. No request when no
 * agent loses a queue, or every one keeps a declared queue; one doc 7.1 request for the rest; one
 * describe_client per agent that counts. A state that cannot be read counts (the wait reports it).
 */
export async function lastQueueRisks(
  api: ClinkClient,
  losses: QueueLoss[],
  options: DecideOptions,
): Promise<LastQueueRisk[]> {
  const candidates = losses.filter((l) => (l.after === undefined ? l.qnos.length > 0 : l.after.length === 0));
  if (candidates.length === 0) return [];
  // Asked together, within readAgentState's batch window: one request for the whole step.
  const checked = await Promise.all(
    candidates.map((loss) =>
      readAgentState(api, loss.cno)
        .catch((err: unknown): AgentState => {
          if (options.unreadable === "throw") throw err;
          return { cno: loss.cno, activity: "unknown", shown: "?" };
        })
        .then((state) => ({ loss, state })),
    ),
  );
  const out: LastQueueRisk[] = [];
  for (const { loss, state } of checked) {
    if (!options.counts(state)) continue;
    const held = await queuesOf(api, loss.cno);
    if (held === undefined) continue; // the agent is gone: there is no membership to remove
    const taken = new Set(loss.after === undefined ? loss.qnos : held.filter((q) => !loss.after!.includes(q)));
    const lost = held.filter((q) => taken.has(q));
    if (lost.length === 0) continue; // not a member of those queues (any more)
    const elsewhere = new Set([
      ...(options.token ? othersLeaving(loss.cno, options.token) : []),
      ...(options.planned?.get(loss.cno) ?? []),
    ]);
    const remaining = loss.after ?? held.filter((q) => !taken.has(q) && !elsewhere.has(q));
    if (remaining.length === 0) out.push({ state, qnos: lost });
  }
  return out;
}

/** "removal from its last queue 2001" (or "last queues 2001, 2002": update_client takes several at once). */
export const lastQueueStep = (qnos: string[]): string =>
  `removal from its last queue${qnos.length > 1 ? "s" : ""} ${qnos.join(", ")}`;

/**
 * Before a step that removes memberships: waits for every agent it takes out of its last queue
 * while on a call (the same wait and setting as a delete), then runs the step. Refuses (throws
 * LiveAgentError, the step not done) when a wait runs out.
 */
export async function guardLastQueues<T>(
  api: ClinkClient,
  losses: QueueLoss[],
  step: () => Promise<T>,
  options: GuardOptions = {},
): Promise<T> {
  const live = losses.filter((l) => l.qnos.length > 0 || l.after !== undefined);
  if (live.length === 0) return step();
  const token = Symbol("step");
  for (const l of live) {
    if (!leaving.has(l.cno)) leaving.set(l.cno, new Map());
    leaving.get(l.cno)!.set(token, l.qnos);
  }
  try {
    const wrapup = options.waitForWrapup ?? liveAgentWait().wrapup;
    const risks = await lastQueueRisks(api, live, { counts: (s) => interrupts(s, wrapup), token });
    await Promise.all(risks.map((r) => untilFree(api, r.state.cno, lastQueueStep(r.qnos), options)));
    return await step();
  } finally {
    for (const l of live) {
      leaving.get(l.cno)?.delete(token);
      if (leaving.get(l.cno)?.size === 0) leaving.delete(l.cno);
    }
  }
}

/**
 * The preview's line for an agent a step takes out of its last queue: on a call, the wait (as a
 * delete's); logged in, that it is left in no queue. Undefined when it is logged out.
 */
export function lastQueueLine(risk: LastQueueRisk, wait: { seconds: number; wrapup: boolean }): string | undefined {
  const { state } = risk;
  const step = lastQueueStep(risk.qnos);
  if (state.activity === "offline") return undefined;
  if (interrupts(state, wait.wrapup)) return liveAgentLine(state, step, false, wait);
  return `${agentLabel(state)} is logged in now: its ${step} leaves it in no queue, so it takes no queue call (${state.shown})`;
}

/**
 * The removals the diffs of this process have found so far, per agent (the engine starts one
 * plugin process per preview or up): a later diff then counts an earlier one's removal as done.
 * Only warnings read it; a wait never does (an earlier diff's step may not run).
 */
const plannedThisRun = new Map<string, Set<string>>();

/** How a resource's steps take agents out of queues. */
export interface QueueLossesOf {
  /** An update from `olds` (the state's outputs) to `news`. */
  update?: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => QueueLoss[];
  /** A delete, and the delete half of a replacement. */
  delete?: (id: string, props: Record<string, unknown>) => QueueLoss[];
  /** A replacement the diff sees (its delete half): the losses it will make. */
  replace?: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => QueueLoss[];
}

/**
 * The provider with its membership-removing steps guarded (they wait outside a queue's writer
 * turn, provider/resources/queue/lock.ts, so a wait holds up no other write) and its diff warning
 * at preview about a logged-in agent an update (or replacement) takes out of its last queue.
 */
export function withLastQueueGuard(
  provider: dynamic.ResourceProvider,
  kind: string,
  lossesOf: QueueLossesOf,
): dynamic.ResourceProvider {
  const { diff, update, delete: remove } = provider;
  const guarded = async <T>(id: string, op: string, losses: QueueLoss[], step: () => Promise<T>): Promise<T> => {
    if (losses.length === 0) return step();
    let stepRan = false;
    try {
      return await guardLastQueues(apiClient(), losses, () => ((stepRan = true), step()));
    } catch (err) {
      // The step's own errors are already explained; the guard's are said as the step's failure.
      throw stepRan ? err : explain(`${kind} ${id}`, op, err);
    }
  };
  return {
    ...provider,
    ...(diff && {
      async diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
        const result = await diff(id, olds, news);
        const replacing = (result.replaces?.length ?? 0) > 0;
        const losses = !result.changes
          ? []
          : replacing
            ? (lossesOf.replace?.(id, olds, news) ?? [])
            : (lossesOf.update?.(id, olds, news) ?? []);
        if (losses.length > 0) await warnLastQueues(losses);
        return result;
      },
    }),
    ...(update &&
      lossesOf.update && {
        update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
          guarded(id, "update", lossesOf.update!(id, olds, news), () => update(id, olds, news)),
      }),
    ...(remove &&
      lossesOf.delete && {
        delete: (id: string, props: Record<string, unknown>) =>
          guarded(id, "delete", lossesOf.delete!(id, props), () => remove(id, props)),
      }),
  };
}

/** The preview's warnings for `losses`; never fails the preview (the step itself looks again). */
async function warnLastQueues(losses: QueueLoss[]): Promise<void> {
  const seen = new Map([...plannedThisRun].map(([cno, qnos]) => [cno, new Set(qnos)]));
  for (const l of losses) {
    if (!plannedThisRun.has(l.cno)) plannedThisRun.set(l.cno, new Set());
    l.qnos.forEach((q) => plannedThisRun.get(l.cno)!.add(q));
  }
  try {
    const wait = liveAgentWait();
    const risks = await lastQueueRisks(apiClient(), losses, {
      counts: (s) => s.activity !== "offline",
      planned: seen,
      unreadable: "throw",
    });
    for (const r of risks) {
      const line = lastQueueLine(r, wait);
      if (line) await warn(`${LIVE_AGENT_WARNING} ${line}`);
    }
  } catch (err) {
    await warn(
      `${LIVE_AGENT_WARNING} the agents ${losses.map((l) => l.cno).join(", ")} leave queues, and whether any is on a call ` +
        `could not be read (${err instanceof Error ? err.message : String(err)}); each removal from an agent's last queue ` +
        `will look again and wait for a call to end.`,
    );
  }
}
