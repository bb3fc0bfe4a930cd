/**
 * Who manages which queue memberships in this program (docs/membership.md; docs/design.md,
 * Program-level rules). Two owners of the same relation fight on every apply: an authoritative
 * `Queue.members` removes what a `QueueMember` (or a `Client.qnos`) adds, and the other puts it
 * back. The providers cannot see each other, but the Resource classes all run in the program's
 * process: they register their claims here and each gets a verdict, resolved after the program's
 * synchronous body has declared everything. The verdict travels as an input the provider's check
 * turns into a failure (provider/plugin/check.ts), so a conflict refuses both resources before any API call.
 * (Rejecting the Output instead leaves an inline program hanging in the SDK.)
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../schema/core";
import { judgeAfterProgramBody, perRun } from "./rules-gate";

interface Claims {
  /** The Queue declaring `members` for this qno. */
  authoritative?: string;
  /** QueueMember / Client resources managing single memberships of this qno. */
  partial: Set<string>;
}

const currentClaims = () => perRun("queueMembership", () => new Map<string, Claims>());

/** `queue.qno` outputs of Queue resources whose qno was declared as a plain string. */
const knownQno = new WeakMap<object, string>();

/** `client.cno` outputs of Client resources whose cno was declared as a plain string. */
const knownCno = new WeakMap<object, string>();

function claims(byQueue: Map<string, Claims>, qno: string): Claims {
  let c = byQueue.get(qno);
  if (!c) byQueue.set(qno, (c = { partial: new Set() }));
  return c;
}

function conflictOf(byQueue: Map<string, Claims>, qno: string, property: string): Failure | undefined {
  const c = byQueue.get(qno);
  const [other] = c?.partial ?? [];
  if (!c?.authoritative || !other) return undefined;
  return {
    property,
    reason:
      `Queue ${qno}: its members are declared authoritatively by ${c.authoritative} (members: [...]) and also managed by ${other}. ` +
      `The two would undo each other on every apply, so neither is applied. Either move that membership into the members ` +
      `list of ${c.authoritative}, or remove "members" from it so that membership is managed by QueueMember / Client.qnos only ` +
      `(docs/membership.md).`,
  };
}

/** Resolves a qno input now when it is a plain string or the qno of a Queue declared with one. */
function plainQno(qno: pulumi.Input<string>): string | undefined {
  if (typeof qno === "string") return qno;
  if (qno && typeof qno === "object") return knownQno.get(qno);
  return undefined;
}

/** Resolves a cno input now when it is a plain string or the cno of a Client declared with one. */
function plainCno(cno: unknown): string | undefined {
  if (typeof cno === "string") return cno;
  if (cno && typeof cno === "object") return knownCno.get(cno);
  return undefined;
}

/** One queue claimed by `record`; the verdict names `qno`. */
function claim(qno: pulumi.Input<string>, record: (c: Claims) => void): pulumi.Output<Failure | undefined> {
  const byQueue = currentClaims();
  return judgeAfterProgramBody(
    qno,
    plainQno(qno),
    (q) => {
      if (q) record(claims(byQueue, q));
    },
    (q) => (q ? conflictOf(byQueue, q, "qno") : undefined),
  );
}

/** A Queue declaring `members` (`who`: e.g. `clink.Queue "support"`). */
export function claimAuthoritative(who: string, qno: pulumi.Input<string>): pulumi.Output<Failure | undefined> {
  return claim(qno, (c) => (c.authoritative = who));
}

/** A QueueMember. */
export function claimMembership(who: string, qno: pulumi.Input<string>): pulumi.Output<Failure | undefined> {
  return claim(qno, (c) => c.partial.add(who));
}

/** A Client declaring `qnos`: one claim per queue, one verdict (naming `qnos`) for all of them. */
export function claimMemberships(
  who: string,
  qnos: pulumi.Input<pulumi.Input<string>[]>,
): pulumi.Output<Failure | undefined> {
  const byQueue = currentClaims();
  const now = Array.isArray(qnos) ? qnos.map(plainQno).filter((q): q is string => q !== undefined) : undefined;
  return judgeAfterProgramBody(
    qnos as pulumi.Input<string[]>,
    now,
    (list) => {
      for (const q of list ?? []) if (q) claims(byQueue, q).partial.add(who);
    },
    (list) => (list ?? []).map((q) => conflictOf(byQueue, q, "qnos")).find((f) => f !== undefined),
  );
}

/** Lets later resources resolve `queue.qno` synchronously. */
export function rememberQueue(qnoOutput: object, qno: pulumi.Input<string>): void {
  if (typeof qno === "string") knownQno.set(qnoOutput, qno);
}

/** Lets later resources resolve `client.cno` synchronously. */
export function rememberAgent(cnoOutput: object, cno: pulumi.Input<string>): void {
  if (typeof cno === "string") knownCno.set(cnoOutput, cno);
}

/*
 * One owner per agent's memberships (issue 23, item 5). `Client.qnos` is the agent's whole queue
 * set: update_client sets exactly those queues (doc 3.1.2 update_client, `qnos`), so it removes
 * any membership of that agent that a QueueMember or a Queue's `members` adds elsewhere, and the
 * next up adds it back. An agent declaring `qnos` therefore owns all its memberships; any other
 * declaration of a membership of that agent is refused, both resources and the queue named.
 */

/** One membership of an agent declared outside its `qnos`: by whom, in which queue. */
interface Membership {
  who: string;
  qno: string;
}

interface AgentClaims {
  /** The Clients declaring `qnos` for this cno (one, unless two Clients share a cno: one-object.ts refuses that). */
  sets: Set<string>;
  memberships: Membership[];
}

const currentAgents = () => perRun("agentMemberships", () => new Map<string, AgentClaims>());

function agentClaims(byAgent: Map<string, AgentClaims>, cno: string): AgentClaims {
  let c = byAgent.get(cno);
  if (!c) byAgent.set(cno, (c = { sets: new Set(), memberships: [] }));
  return c;
}

function ownerConflict(owner: string, cno: string, m: Membership, property: string): Failure {
  return {
    property,
    reason:
      `Agent ${cno} in queue ${m.qno}: ${owner} declares the agent's whole queue set (qnos), and ${m.who} also declares ` +
      `its membership of queue ${m.qno}. update_client sets exactly the queues in qnos (doc 3.1.2), so every update of the ` +
      `agent would remove that membership and the next up would add it back. Neither is applied. Either put ${m.qno} into ` +
      `the qnos of ${owner} and drop the other declaration, or remove "qnos" from ${owner} so its memberships are managed ` +
      `by Queue.members / QueueMember only (docs/membership.md).`,
  };
}

/** The verdict for memberships declared outside `qnos`: refused when the agent's Client declares `qnos`. */
function judgeMemberships(
  byAgent: Map<string, AgentClaims>,
  claims: Array<{ membership: Membership; cno: string }>,
  property: string,
) {
  for (const { membership, cno } of claims) {
    const [owner] = byAgent.get(cno)?.sets ?? [];
    if (owner) return ownerConflict(owner, cno, membership, property);
  }
  return undefined;
}

/** A Client declaring `qnos` (`who`): it owns every membership of agent `cno`. */
export function claimAgentQueues(who: string, cno: pulumi.Input<string>): pulumi.Output<Failure | undefined> {
  const byAgent = currentAgents();
  return judgeAfterProgramBody(
    cno,
    plainCno(cno),
    (c) => {
      if (c) agentClaims(byAgent, c).sets.add(who);
    },
    (c) => {
      const [other] = (c ? byAgent.get(c)?.memberships : undefined) ?? [];
      return other && c ? ownerConflict(who, c, other, "qnos") : undefined;
    },
  );
}

/** A QueueMember `who` declaring agent `cno` in queue `qno`. */
export function claimAgentMembership(
  who: string,
  qno: pulumi.Input<string>,
  cno: pulumi.Input<string>,
): pulumi.Output<Failure | undefined> {
  const byAgent = currentAgents();
  const q = plainQno(qno);
  const c = plainCno(cno);
  const recorded = new Set<string>();
  const record = ([q, c]: [string, string]) => {
    if (!q || !c || recorded.has(`${q}:${c}`)) return;
    recorded.add(`${q}:${c}`);
    agentClaims(byAgent, c).memberships.push({ who, qno: q });
  };
  return judgeAfterProgramBody<[string, string]>(
    pulumi.all([qno, cno]) as pulumi.Output<[string, string]>,
    q !== undefined && c !== undefined ? [q, c] : undefined,
    record,
    ([q, c]) => (q && c ? judgeMemberships(byAgent, [{ membership: { who, qno: q }, cno: c }], "cno") : undefined),
  );
}

/** A Queue `who` declaring `members` (each entry a membership of its agent in queue `qno`). */
export function claimQueueMembers(
  who: string,
  qno: pulumi.Input<string>,
  members: pulumi.Input<unknown>,
): pulumi.Output<Failure | undefined> {
  const byAgent = currentAgents();
  const cnosOf = (list: unknown): Array<string | undefined> =>
    Array.isArray(list)
      ? list.map((m: unknown) => (m && typeof m === "object" && "cno" in m ? plainCno(m.cno) : undefined))
      : [];
  const q = plainQno(qno);
  const now = cnosOf(members);
  const recorded = new Set<string>();
  const record = ([q, list]: [string, unknown]) => {
    for (const c of cnosOf(list)) {
      if (!q || !c || recorded.has(c)) continue;
      recorded.add(c);
      agentClaims(byAgent, c).memberships.push({ who, qno: q });
    }
  };
  return judgeAfterProgramBody<[string, unknown]>(
    pulumi.all([qno, members]) as pulumi.Output<[string, unknown]>,
    q !== undefined && Array.isArray(members) && now.every((c) => c !== undefined) ? [q, members] : undefined,
    record,
    ([q, list]) => {
      if (!q) return undefined;
      const cnos = cnosOf(list).filter((c): c is string => c !== undefined);
      return judgeMemberships(
        byAgent,
        cnos.map((cno) => ({ membership: { who, qno: q }, cno })),
        "members",
      );
    },
  );
}
