/**
 * Program-side rules of clink.Client: an agent declaring `qnos` claims those memberships, and
 * all memberships of the agent (docs/membership.md, One owner per membership), and `forceOfflineOnDelete` is remembered for the ClientPhone and the
 * Queues that name this agent (provider/program/force-offline.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { rememberForcedAgent } from "../../program/force-offline";
import { claimAgentQueues, claimMemberships, rememberAgent } from "../../program/membership-claims";
import { firstFailure } from "../../program/one-object";
import type { Client, ClientArgs } from "./resource";

export function verdict(who: string, args: ClientArgs): pulumi.Input<Failure | undefined> | undefined {
  if (args.qnos === undefined) return undefined;
  // `qnos` is the agent's whole queue set: it owns every membership of the agent (issue 23, item 5).
  return firstFailure(claimMemberships(who, args.qnos), claimAgentQueues(who, args.cno));
}

export function registered(client: Client, args: ClientArgs): void {
  rememberForcedAgent(client.cno, args.cno, args.forceOfflineOnDelete);
  rememberAgent(client.cno, args.cno);
}
