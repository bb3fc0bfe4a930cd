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

export { CONFLICT_INPUT } from "./kit";

/**
 * Claims per program run: an Automation API process runs many programs, so claims are keyed by
 * the run's root Stack resource (a fresh object per run) rather than kept module-wide.
 */
const runs = new WeakMap<object, Map<string, unknown>>();
const outsideAnyRun = {};

/** State kept for the current program run only (`slot` names it; `init` makes it on first use). */
export function perRun<T>(slot: string, init: () => T): T {
  const runtime = pulumi.runtime as unknown as { getStackResource?: () => object | undefined };
  const key = runtime.getStackResource?.() ?? outsideAnyRun;
  let m = runs.get(key);
  if (!m) runs.set(key, (m = new Map()));
  if (!m.has(slot)) m.set(slot, init());
  return m.get(slot) as T;
}

const currentClaims = () => perRun("queueMembership", () => new Map<string, Claims>());

/** `queue.qno` outputs of Queue resources whose qno was declared as a plain string. */
const knownQno = new WeakMap<object, string>();

function claims(byQueue: Map<string, Claims>, qno: string): Claims {
  let c = byQueue.get(qno);
  if (!c) byQueue.set(qno, (c = { partial: new Set() }));
  return c;
}

function conflictOf(byQueue: Map<string, Claims>, qno: string): string | undefined {
  const c = byQueue.get(qno);
  const [other] = c?.partial ?? [];
  if (!c?.authoritative || !other) return undefined;
  return (
    `Queue ${qno}: its members are declared authoritatively by ${c.authoritative} (members: [...]) and also managed by ${other}. ` +
    `The two would undo each other on every apply, so neither is applied. Either move that membership into the members ` +
    `list of ${c.authoritative}, or remove "members" from it so that membership is managed by QueueMember / Client.qnos only ` +
    `(docs/membership.md).`
  );
}

/** Resolves a qno input now when it is a plain string or the qno of a Queue declared with one. */
function plainQno(qno: pulumi.Input<string>): string | undefined {
  if (typeof qno === "string") return qno;
  if (qno && typeof qno === "object") return knownQno.get(qno);
  return undefined;
}

/**
 * Records a claim and returns the verdict: undefined, or the conflict message. It resolves after
 * the program's synchronous body (one macrotask later), when every claim has been made. The
 * verdict travels as an input the provider's check turns into a failure, so the engine refuses
 * both resources before any API call. (Rejecting the Output instead leaves an inline program
 * hanging in the SDK; a check failure is the engine's own way to refuse a resource.)
 */
function claim(qno: pulumi.Input<string>, record: (c: Claims) => void): pulumi.Output<string | undefined> {
  const byQueue = currentClaims();
  const now = plainQno(qno);
  if (now) record(claims(byQueue, now));
  return pulumi.output(qno).apply(async (q) => {
    if (!now && q) record(claims(byQueue, q));
    await new Promise((resolve) => setImmediate(resolve));
    return q ? conflictOf(byQueue, q) : undefined;
  });
}

/** A Queue declaring `members` (`who`: e.g. `clink.Queue "support"`). */
export function claimAuthoritative(who: string, qno: pulumi.Input<string>): pulumi.Output<string | undefined> {
  return claim(qno, (c) => (c.authoritative = who));
}

/** A QueueMember, or a Client declaring `qnos`. */
export function claimMembership(who: string, qno: pulumi.Input<string>): pulumi.Output<string | undefined> {
  return claim(qno, (c) => c.partial.add(who));
}

/** A Client declaring `qnos`: one claim per queue, one verdict for all of them. */
export function claimMemberships(
  who: string,
  qnos: pulumi.Input<pulumi.Input<string>[]>,
): pulumi.Output<string | undefined> {
  const byQueue = currentClaims();
  const now = Array.isArray(qnos) ? qnos.map(plainQno) : [];
  for (const q of now) if (q) claims(byQueue, q).partial.add(who);
  return pulumi.output(qnos).apply(async (list) => {
    for (const q of list ?? []) if (q) claims(byQueue, q).partial.add(who);
    await new Promise((resolve) => setImmediate(resolve));
    return (list ?? []).map((q) => conflictOf(byQueue, q)).find((m) => m !== undefined);
  });
}

/** Lets later resources resolve `queue.qno` synchronously. */
export function rememberQueue(qnoOutput: object, qno: pulumi.Input<string>): void {
  if (typeof qno === "string") knownQno.set(qnoOutput, qno);
}
