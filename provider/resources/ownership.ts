/**
 * Who manages which queue memberships in this program (DESIGN.md 4). Two owners of the same
 * relation fight on every apply: an authoritative `Queue.members` removes what a `QueueMember`
 * (or a `Client.qnos`) adds, and the other puts it back. The providers cannot see each other,
 * but the Resource classes all run in the program's process, so they register their claims
 * here and a conflict stops the program before anything is applied.
 */
import * as pulumi from "@pulumi/pulumi";

interface Claims {
  /** Resource name of the Queue declaring `members` for this qno. */
  authoritative?: string;
  /** Resource names of QueueMember / Client resources managing single memberships of this qno. */
  partial: Map<string, string>;
}

const byQueue = new Map<string, Claims>();

function claims(qno: string): Claims {
  let c = byQueue.get(qno);
  if (!c) {
    c = { partial: new Map() };
    byQueue.set(qno, c);
  }
  return c;
}

function conflict(qno: string, queue: string, other: string): never {
  throw new pulumi.RunError(
    `Queue ${qno}: its members are declared authoritatively by ${queue} (members: [...]) and also managed by ${other}. ` +
      `The two would undo each other on every apply. Either move that membership into the members list of ${queue}, ` +
      `or remove "members" from ${queue} so that membership is managed by QueueMember / Client.qnos only (docs/membership.md).`,
  );
}

/** A Queue resource declaring `members`. */
export function claimAuthoritative(resource: string, qno: pulumi.Input<string>): void {
  pulumi.output(qno).apply((q) => {
    if (!q) return;
    const c = claims(q);
    const [first] = c.partial.values();
    if (first) conflict(q, resource, first);
    c.authoritative = resource;
  });
}

/** A QueueMember resource, or a Client declaring `qnos` (`who` describes it for the message). */
export function claimMembership(who: string, qno: pulumi.Input<string>): void {
  pulumi.output(qno).apply((q) => {
    if (!q) return;
    const c = claims(q);
    if (c.authoritative) conflict(q, c.authoritative, who);
    c.partial.set(who, who);
  });
}

/** For tests. */
export function resetClaims(): void {
  byQueue.clear();
}
