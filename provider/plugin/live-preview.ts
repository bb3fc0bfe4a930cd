/**
 * Says at preview what a replacement will do to an agent who is logged in (issue 27): the engine
 * asks the provider's diff about every resource that stays in the program, and a replacement's
 * delete half (doc 3.1.3 delete_client, doc 3.1.8 unbind_client_tel) would wait for the agent's
 * call, or log it out. The diff asks doc 7.1 agent_status only when it finds a replacement, so a
 * preview without one makes no such call. A plain delete (a resource dropped from the program) is
 * never shown to the provider at preview: docs/membership.md says how to see those.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { apiClient, liveAgentWait } from "../settings";
import { agentLabel, interrupts, readAgentState } from "./agent-state";
import { warn } from "./engine-log";

/** The prefix `pulumi-clink review` finds these warnings by in an event log (cli/review/events.ts). */
export const LIVE_AGENT_WARNING = "pulumi-clink live agent:";

/**
 * The warning for an agent a step is about to interrupt, or undefined when it is logged out.
 * "agent 1001 alice is in a call now: its delete will wait up to 300 s for the call to end (通话)".
 */
export function liveAgentLine(
  state: import("./agent-state").AgentState,
  step: string,
  forceOffline: boolean,
  wait: { seconds: number; wrapup: boolean },
): string | undefined {
  if (state.activity === "offline") return undefined;
  const who = agentLabel(state);
  if (interrupts(state, wait.wrapup)) {
    const doing =
      state.activity === "busy"
        ? "in a call"
        : state.activity === "ringing"
          ? "ringing"
          : state.activity === "calling"
            ? "placing a call"
            : state.activity === "wrapup"
              ? "in wrap-up"
              : "in an unknown state";
    return wait.seconds === 0
      ? `${who} is ${doing} now: its ${step} will be refused (clink:liveAgentWaitSeconds is 0) (${state.shown})`
      : `${who} is ${doing} now: its ${step} will wait up to ${wait.seconds} s for it to end (${state.shown})`;
  }
  return forceOffline
    ? `${who} is logged in now: its ${step} logs it out first (forceOfflineOnDelete) (${state.shown})`
    : `${who} is logged in now: its ${step} is refused while it stays logged in (ClientOnline; forceOfflineOnDelete is not set) (${state.shown})`;
}

/** The provider with a diff that warns when a replacement would interrupt the agent `cnoOf` names. */
export function warnOnReplace(
  provider: dynamic.ResourceProvider,
  step: string,
  cnoOf: (id: string, olds: Record<string, unknown>) => string,
): dynamic.ResourceProvider {
  const diff = provider.diff!;
  return {
    ...provider,
    async diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      const result = await diff(id, olds, news);
      if ((result.replaces?.length ?? 0) > 0) {
        const cno = cnoOf(id, olds);
        try {
          const line = liveAgentLine(
            await readAgentState(apiClient(), cno),
            step,
            olds.forceOfflineOnDelete === true,
            liveAgentWait(),
          );
          if (line) await warn(`${LIVE_AGENT_WARNING} ${line}`);
        } catch (err) {
          // A preview is not failed for a state it could not read: the step itself will look again.
          await warn(
            `${LIVE_AGENT_WARNING} agent ${cno}: its state could not be read (doc 7.1 agent_status: ${
              err instanceof Error ? err.message : String(err)
            }); its ${step} will look again and wait for a call to end.`,
          );
        }
      }
      return result;
    },
  };
}
