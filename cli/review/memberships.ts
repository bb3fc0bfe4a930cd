/**
 * Queue memberships: which agents answer which queue. One relation with three doors
 * (docs/membership.md): a Queue's `members` (kept as { cno: { penalty } }), a Client's `qnos`
 * (kept as { qno: true }) and a QueueMember. Every change through any of them becomes one
 * sentence ("agent 1002 bob joins queue 0001 售后支持 at penalty 2", "agent 1001 alice leaves
 * queue 0002"), and together they tell
 * which queues a change leaves without members.
 */
import { kindsWith, reviewOf, type MembershipChange as Change, type StateReaders } from "./kinds";
import { setElements, valuesOf, type CenterObject } from "./model";
import type { Directory } from "./naming";

export interface MembershipChange extends Change {
  source: CenterObject;
}

const readers: StateReaders = { valuesOf, setElements };

/** Every membership change of the log, through each door its kind's catalog opens. */
export function membershipChanges(objects: CenterObject[]): MembershipChange[] {
  const out: MembershipChange[] = [];
  for (const o of objects) {
    if (o.action === "unchanged") continue;
    const changes = reviewOf(o.kind).memberships?.(o, readers) ?? [];
    out.push(...(changes as MembershipChange[]));
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
  const membersField = new Map(kindsWith("membersField"));
  for (const q of objects) {
    const field = membersField.get(q.kind);
    if (field === undefined || q.action === "removed" || q.action === "added" || !q.old) continue;
    const qno = String(valuesOf(q.new ?? q.old).qno);
    const had = Object.keys(setElements(q.kind, field, q.old.outputs[field] ?? q.old.inputs[field]));
    if (had.length === 0) continue;
    let after: Set<string>;
    if (q.new?.inputs[field] !== undefined)
      after = new Set(Object.keys(setElements(q.kind, field, q.new.inputs[field])));
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
