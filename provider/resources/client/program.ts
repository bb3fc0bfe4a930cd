/**
 * Program-side rules of clink.Client: an agent declaring `qnos` claims those memberships
 * (docs/membership.md), and `forceOfflineOnDelete` is remembered for the ClientPhone and the
 * Queues that name this agent (provider/program/force-offline.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { rememberForcedAgent } from "../../program/force-offline";
import { claimMemberships } from "../../program/membership-claims";
import type { Client, ClientArgs } from "./resource";

export function verdict(who: string, args: ClientArgs): pulumi.Input<Failure | undefined> | undefined {
  return args.qnos === undefined ? undefined : claimMemberships(who, args.qnos);
}

export function registered(client: Client, args: ClientArgs): void {
  rememberForcedAgent(client.cno, args.cno, args.forceOfflineOnDelete);
}
