/**
 * Who manages which queue memberships in this program (DESIGN.md 4, docs/membership.md). Two
 * owners of the same relation fight on every apply: an authoritative `Queue.members` removes
 * what a `QueueMember` (or a `Client.qnos`) adds, and the other puts it back. The providers
 * cannot see each other, but the Resource classes all run in the program's process: they
 * register their claims here, and each such resource's `qno` input passes through a gate that
 * opens only after the program's synchronous body has run and no conflicting claim exists. A
 * conflict therefore fails the registration of both resources: neither is applied.
 */
import * as pulumi from "@pulumi/pulumi";

interface Claims {
  /** The Queue declaring `members` for this qno. */
  authoritative?: string;
  /** QueueMember / Client resources managing single memberships of this qno. */
  partial: Set<string>;
}

const byQueue = new Map<string, Claims>();
/** `queue.qno` outputs of Queue resources whose qno was declared as a plain string. */
const knownQno = new WeakMap<object, string>();

function claims(qno: string): Claims {
  let c = byQueue.get(qno);
  if (!c) byQueue.set(qno, (c = { partial: new Set() }));
  return c;
}

function check(qno: string): void {
  const c = byQueue.get(qno);
  const [other] = c?.partial ?? [];
  if (c?.authoritative && other) {
    throw new pulumi.RunError(
      `Queue ${qno}: its members are declared authoritatively by ${c.authoritative} (members: [...]) and also managed by ${other}. ` +
        `The two would undo each other on every apply, so neither is applied. Either move that membership into the members ` +
        `list of ${c.authoritative}, or remove "members" from it so that membership is managed by QueueMember / Client.qnos only ` +
        `(docs/membership.md).`,
    );
  }
}

/** Resolves a qno input now when it is a plain string or the qno of a Queue declared with one. */
function plainQno(qno: pulumi.Input<string>): string | undefined {
  if (typeof qno === "string") return qno;
  if (qno && typeof qno === "object") return knownQno.get(qno);
  return undefined;
}

/**
 * Records a claim and returns the qno to hand to the resource: it resolves after the program's
 * synchronous body (one macrotask later), or fails with a conflict.
 */
function claim(qno: pulumi.Input<string>, record: (c: Claims) => void): pulumi.Output<string> {
  const now = plainQno(qno);
  if (now) record(claims(now));
  return pulumi.output(qno).apply(async (q) => {
    if (!now && q) record(claims(q));
    await new Promise((resolve) => setImmediate(resolve));
    if (q) check(q);
    return q;
  });
}

/** A Queue declaring `members` (`who`: e.g. `clink.Queue "support"`). */
export function claimAuthoritative(who: string, qno: pulumi.Input<string>): pulumi.Output<string> {
  return claim(qno, (c) => (c.authoritative = who));
}

/** A QueueMember, or a Client declaring `qnos`. */
export function claimMembership(who: string, qno: pulumi.Input<string>): pulumi.Output<string> {
  return claim(qno, (c) => c.partial.add(who));
}

/** Lets later resources resolve `queue.qno` synchronously. */
export function rememberQueue(qnoOutput: object, qno: pulumi.Input<string>): void {
  if (typeof qno === "string") knownQno.set(qnoOutput, qno);
}
