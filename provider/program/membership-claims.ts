/**
 * Who manages which queue memberships in this program (docs/membership.md; docs/design.md,
 * Program-level rules). Two owners of the same relation fight on every apply: an authoritative
 * `Queue.members` removes what a `QueueMember` (or a `Client.qnos`) adds, and the other puts it
 * back. The providers cannot see each other, but the Resource classes all run in the program's
 * process: they register their claims here and each gets a verdict, resolved after the program's
 * synchronous body has declared everything. The verdict travels as an input the provider's check
 * turns into a failure (provider/generic/provider.ts), so a conflict refuses both resources before any API call.
 * (Rejecting the Output instead leaves an inline program hanging in the SDK.)
 */
import type * as pulumi from "@pulumi/pulumi";
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
