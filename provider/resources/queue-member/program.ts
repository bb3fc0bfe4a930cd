/** Program-side rules of clink.QueueMember: one membership claims its queue's membership (docs/membership.md). */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { claimMembership } from "../../program/membership-claims";
import type { QueueMemberArgs } from "./resource";

export function verdict(who: string, args: QueueMemberArgs): pulumi.Input<Failure | undefined> | undefined {
  return claimMembership(who, args.qno);
}
