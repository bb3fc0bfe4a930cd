/**
 * Queue memberships: which agents answer which queue. One relation with three doors
 * (docs/membership.md): a Queue's `members` (kept as { cno: { penalty } }), a Client's `qnos`
 * (kept as { qno: true }) and a QueueMember. Every change through any of them becomes one
 * sentence ("agent 1002 bob joins queue 0001 售后支持 at penalty 2", "agent 1001 alice leaves
 * queue 0002"), and together they tell
 * which queues a change leaves without members.
 */
import { setElements, valuesOf, type CenterObject } from "./model";
import type { Directory } from "./naming";
import { isRecord } from "./values";

export interface MembershipChange {
  cno: string;
  qno: string;
  what: "joins" | "leaves" | "penalty";
  penalty?: number;
  before?: number;
  /** The object whose change this is. */
  source: CenterObject;
  /** A consequence of another change (an agent's delete drops its memberships), not a declared one. */
  implied?: boolean;
}

const penaltyOf = (v: unknown): number | undefined =>
  isRecord(v) && typeof v.penalty === "number" ? v.penalty : undefined;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A set field's elements before the change: as last declared, else as the server last answered. */
function before(o: CenterObject, field: string): Record<string, unknown> {
  const declared = o.old?.inputs[field];
  return setElements(o.kind, field, declared ?? o.old?.outputs[field]);
}

function fromQueue(o: CenterObject): MembershipChange[] {
  const qno = str(valuesOf(o.new).qno);
  const declared = o.new?.inputs.members;
  if (!qno || declared === undefined) return [];
  const was = o.action === "added" ? {} : before(o, "members");
  const now = setElements(o.kind, "members", declared);
  const out: MembershipChange[] = [];
  for (const [cno, m] of Object.entries(now)) {
    if (!(cno in was)) out.push({ cno, qno, what: "joins", penalty: penaltyOf(m), source: o });
    else if (penaltyOf(was[cno]) !== penaltyOf(m))
      out.push({ cno, qno, what: "penalty", before: penaltyOf(was[cno]), penalty: penaltyOf(m), source: o });
  }
  for (const cno of Object.keys(was)) if (!(cno in now)) out.push({ cno, qno, what: "leaves", source: o });
  return out;
}

function fromClient(o: CenterObject): MembershipChange[] {
  const out: MembershipChange[] = [];
  const oldCno = str(valuesOf(o.old).cno);
  const newCno = str(valuesOf(o.new).cno);
  if (o.action === "removed" || (o.action === "replaced" && oldCno !== newCno)) {
    // Deleting an agent drops its memberships (the server's list of its queues is in the outputs).
    if (oldCno)
      for (const qno of Object.keys(setElements(o.kind, "qnos", o.old?.outputs.qnos ?? o.old?.inputs.qnos)))
        out.push({ cno: oldCno, qno, what: "leaves", source: o, implied: true });
    if (o.action === "removed") return out;
  }
  const declared = o.new?.inputs.qnos;
  if (!newCno || declared === undefined) return out;
  const was = o.action === "added" || oldCno !== newCno ? {} : before(o, "qnos");
  const now = setElements(o.kind, "qnos", declared);
  for (const qno of Object.keys(now)) if (!(qno in was)) out.push({ cno: newCno, qno, what: "joins", source: o });
  for (const qno of Object.keys(was)) if (!(qno in now)) out.push({ cno: newCno, qno, what: "leaves", source: o });
  return out;
}

function fromQueueMember(o: CenterObject): MembershipChange[] {
  const was = valuesOf(o.old);
  const now = valuesOf(o.new);
  const [oq, oc, nq, nc] = [was.qno, was.cno, now.qno, now.cno].map(str);
  const out: MembershipChange[] = [];
  const gone = o.action === "removed" || (o.action === "replaced" && (oq !== nq || oc !== nc));
  if (gone && oq && oc) out.push({ cno: oc, qno: oq, what: "leaves", source: o });
  if (o.action === "removed" || !nq || !nc) return out;
  if (o.action === "added" || gone) out.push({ cno: nc, qno: nq, what: "joins", penalty: penaltyOf(now), source: o });
  else if (penaltyOf(was) !== penaltyOf(now))
    out.push({ cno: nc, qno: nq, what: "penalty", before: penaltyOf(was), penalty: penaltyOf(now), source: o });
  return out;
}

export function membershipChanges(objects: CenterObject[]): MembershipChange[] {
  const out: MembershipChange[] = [];
  for (const o of objects) {
    if (o.action === "unchanged") continue;
    if (o.kind === "Queue" && o.action !== "removed") out.push(...fromQueue(o));
    else if (o.kind === "Client") out.push(...fromClient(o));
    else if (o.kind === "QueueMember") out.push(...fromQueueMember(o));
  }
  return out;
}

/**
 * "agent 1002 bob joins queue 0001 售后支持 at penalty 2": the member by number and name (names
 * need not be unique), the queue by number and name.
 */
export function sentence(c: MembershipChange, dir: Directory): string {
  const agent = dir.member(c.cno);
  const queue = `queue ${dir.queue(c.qno)}`;
  if (c.what === "joins") return `${agent} joins ${queue}${c.penalty !== undefined ? ` at penalty ${c.penalty}` : ""}`;
  if (c.what === "leaves") return `${agent} leaves ${queue}`;
  return `${agent}'s penalty in ${queue}: ${c.before ?? "none"} → ${c.penalty ?? "none"}`;
}

export interface EmptiedQueue {
  queue: CenterObject;
  /** The agents it had. */
  leavers: string[];
}

/**
 * Queues that have members before the change and none after it. A queue's members before are
 * those the server last answered (its outputs) or last declared; after, those it declares, or
 * (not declared) the ones before less those that leave through the other doors plus those that
 * join.
 */
export function emptiedQueues(objects: CenterObject[], changes: MembershipChange[]): EmptiedQueue[] {
  const out: EmptiedQueue[] = [];
  for (const q of objects) {
    if (q.kind !== "Queue" || q.action === "removed" || q.action === "added" || !q.old) continue;
    const qno = String(valuesOf(q.new ?? q.old).qno);
    const had = Object.keys(setElements("Queue", "members", q.old.outputs.members ?? q.old.inputs.members));
    if (had.length === 0) continue;
    let after: Set<string>;
    if (q.new?.inputs.members !== undefined)
      after = new Set(Object.keys(setElements("Queue", "members", q.new.inputs.members)));
    else {
      after = new Set(had);
      for (const c of changes)
        if (c.qno === qno && c.source !== q) {
          if (c.what === "leaves") after.delete(c.cno);
          if (c.what === "joins") after.add(c.cno);
        }
    }
    if (after.size === 0) out.push({ queue: q, leavers: had });
  }
  return out;
}
