/**
 * Program-side rules of clink.QueueMember: one membership claims its queue's membership, and the
 * agent's membership of that queue (refused beside the agent's `qnos`; docs/membership.md).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { claimAgentMembership, claimMembership } from "../../program/membership-claims";
import { firstFailure } from "../../program/one-object";
import type { QueueMemberArgs } from "./resource";

export function verdict(who: string, args: QueueMemberArgs): pulumi.Input<Failure | undefined> | undefined {
  return firstFailure(claimMembership(who, args.qno), claimAgentMembership(who, args.qno, args.cno));
}
