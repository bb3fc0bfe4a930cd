/**
 * Program-side rules of clink.Queue: `members` is authoritative, so declaring it claims the
 * queue's memberships (docs/membership.md); `forceOfflineOnDelete` is inherited from a member's
 * Client (provider/program/force-offline.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { inheritForceOffline } from "../../program/force-offline";
import { claimAuthoritative, claimQueueMembers, rememberQueue } from "../../program/membership-claims";
import { firstFailure } from "../../program/one-object";
import type { Queue, QueueArgs } from "./resource";

export function prepare(args: QueueArgs): QueueArgs {
  const members = Array.isArray(args.members) ? args.members : [];
  return inheritForceOffline(
    args,
    members.map((m: unknown) => (m && typeof m === "object" && "cno" in m ? m.cno : undefined)),
  );
}

export function verdict(who: string, args: QueueArgs): pulumi.Input<Failure | undefined> | undefined {
  if (args.members === undefined) return undefined;
  // Each listed member is also a membership of its agent: refused beside that agent's `qnos`.
  return firstFailure(claimAuthoritative(who, args.qno), claimQueueMembers(who, args.qno, args.members));
}

export function registered(queue: Queue, args: QueueArgs): void {
  rememberQueue(queue.qno, args.qno);
}
