/**
 * `review --live-agents`: the agents a plan deletes or replaces, or takes out of their last queue,
 * with what each is doing now (doc 7.1 agent_status). The engine never shows the provider a plain
 * delete at preview, so only the review, which reads every delete step in the event log, can name
 * an agent on a call there (docs/membership.md, No call is cut).
 */
import { readAgentStates } from "../../provider/plugin/agent-state";
import { liveAgentLine } from "../../provider/plugin/live-preview";
import { lastQueueLine, lastQueueRisks, type QueueLoss } from "../../provider/resources/queue/last-queue";
import { clientFromSettings, liveAgentWait } from "../../provider/settings";
import { parseEventLog } from "./events";
import { reviewOf } from "./kinds";
import { membershipChanges } from "./memberships";
import { modelOf, valuesOf } from "./model";

interface AtRisk {
  cno: string;
  step: string;
  forceOffline: boolean;
}

/** The agents whose Client is deleted or replaced, or whose phone is unbound, in the log. */
export function agentsAtRisk(text: string): AtRisk[] {
  const objects = modelOf(parseEventLog(text));
  const out = new Map<string, AtRisk>();
  for (const o of objects) {
    if (!o.clink || (o.action !== "removed" && o.action !== "replaced")) continue;
    const step = reviewOf(o.kind).liveAgentStep;
    if (!step) continue;
    const was = valuesOf(o.old);
    const cno = was.cno === undefined ? undefined : String(was.cno);
    if (!cno || !/^\d{4,11}$/.test(cno)) continue;
    // The agent's own delete says more than its phone's unbind.
    if (out.get(cno)?.step === "delete") continue;
    out.set(cno, { cno, step, forceOffline: was.forceOfflineOnDelete === true });
  }
  return [...out.values()];
}

/**
 * The agents the log takes out of queues (a QueueMember removed or moved, a Queue's `members` or a
 * Client's `qnos` dropping them), with the queues each leaves; not an agent the log also adds to a
 * queue (it keeps one), nor one it deletes (its delete says more).
 */
export function queueLeavers(text: string, deleted: Set<string> = new Set()): QueueLoss[] {
  const leaves = new Map<string, Set<string>>();
  const joins = new Set<string>();
  for (const c of membershipChanges(modelOf(parseEventLog(text)))) {
    if (c.implied || !/^\d{4,11}$/.test(c.cno)) continue;
    if (c.what === "joins") joins.add(c.cno);
    if (c.what !== "leaves") continue;
    if (!leaves.has(c.cno)) leaves.set(c.cno, new Set());
    leaves.get(c.cno)!.add(c.qno);
  }
  return [...leaves]
    .filter(([cno]) => !joins.has(cno) && !deleted.has(cno))
    .map(([cno, qnos]) => ({ cno, qnos: [...qnos].sort() }));
}

/** One warning line per agent at risk that is logged in now; no request when none is at risk. */
export async function liveAgentLines(text: string): Promise<string[]> {
  const risk = agentsAtRisk(text);
  const leavers = queueLeavers(text, new Set(risk.filter((r) => r.step === "delete").map((r) => r.cno)));
  if (risk.length === 0 && leavers.length === 0) return [];
  const api = clientFromSettings({});
  try {
    const wait = liveAgentWait();
    const lines: Array<string | undefined> = [];
    if (risk.length > 0) {
      const states = await readAgentStates(
        api,
        risk.map((r) => r.cno),
      );
      lines.push(...risk.map((r) => liveAgentLine(states.get(r.cno)!, r.step, r.forceOffline, wait)));
    }
    // Each leaver's queues on the server (doc 3.1.5) only when it is logged in (provider/resources/queue/last-queue.ts).
    const last = await lastQueueRisks(api, leavers, {
      counts: (s) => s.activity !== "offline",
      unreadable: "throw",
    });
    lines.push(...last.map((r) => lastQueueLine(r, wait)));
    return lines.filter((l): l is string => l !== undefined).map((l) => `${l}.`);
  } finally {
    await api.close();
  }
}
