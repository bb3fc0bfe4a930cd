/**
 * `forceOfflineOnDelete`: removing an agent who is logged in needs more than delete_client. The
 * phone unbind (3.1.8, ClientOnline) and the delete of a queue the agent is in (3.2.5,
 * OnlineClientInQueue) are refused first, and on `destroy` the engine runs those before the
 * agent's own delete. So the option of a Client reaches the ClientPhone bound to it and every
 * Queue that lists it as a member (program-side, through the agent's `cno` output or a plain
 * cno), and each of them logs the agent out (4.2.8 offline_client) when its delete is refused.
 */
import type * as pulumi from "@pulumi/pulumi";
import { perRun } from "./rules-gate";

/** `client.cno` outputs of Clients declared with forceOfflineOnDelete: true. */
const forcedOutputs = new WeakSet<object>();
const forcedCnos = () => perRun("forceOffline", () => new Set<string>());

export function rememberForcedAgent(cnoOutput: object, cno: pulumi.Input<string>, flag: unknown): void {
  if (flag !== true && flag !== "true") return;
  forcedOutputs.add(cnoOutput);
  if (typeof cno === "string") forcedCnos().add(cno);
}

/** Whether a cno input names an agent declared with forceOfflineOnDelete in this program. */
export function isForced(cno: unknown): boolean {
  if (typeof cno === "string") return forcedCnos().has(cno);
  return cno !== null && typeof cno === "object" && forcedOutputs.has(cno);
}

/** The option, inherited from the agent(s) when the resource does not set it itself. */
export function inheritForceOffline<A extends { forceOfflineOnDelete?: pulumi.Input<boolean> }>(
  args: A,
  cnos: unknown[],
): A {
  if (args.forceOfflineOnDelete !== undefined || !cnos.some(isForced)) return args;
  return { ...args, forceOfflineOnDelete: true };
}
