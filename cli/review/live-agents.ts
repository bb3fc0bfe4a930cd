/**
 * `review --live-agents`: the agents a plan deletes or replaces, with what each is doing now (doc
 * 7.1 agent_status). The engine never shows the provider a plain delete at preview, so only the
 * review, which reads every delete step in the event log, can name an agent on a call there
 * (docs/membership.md, No call is cut).
 */
import { readAgentStates } from "../../provider/plugin/agent-state";
import { liveAgentLine } from "../../provider/plugin/live-preview";
import { clientFromSettings, liveAgentWait } from "../../provider/settings";
import { parseEventLog } from "./events";
import { modelOf, valuesOf } from "./model";

interface AtRisk {
  cno: string;
  step: string;
  forceOffline: boolean;
}

/** The agents whose Client is deleted or replaced, or whose phone is unbound, in the log. */
export function agentsAtRisk(text: string): AtRisk[] {
  const objects = modelOf(parseEventLog(text));
  const out = new Map<string, AtRisk>();
  for (const o of objects) {
    if (!o.clink || (o.action !== "removed" && o.action !== "replaced")) continue;
    if (o.kind !== "Client" && o.kind !== "ClientPhone") continue;
    const was = valuesOf(o.old);
    const cno = was.cno === undefined ? undefined : String(was.cno);
    if (!cno || !/^\d{4,11}$/.test(cno)) continue;
    const step = o.kind === "Client" ? "delete" : "unbind";
    // The agent's own delete says more than its phone's unbind.
    if (out.get(cno)?.step === "delete") continue;
    out.set(cno, { cno, step, forceOffline: was.forceOfflineOnDelete === true });
  }
  return [...out.values()];
}

/** One warning line per agent at risk that is logged in now; no request when none is at risk. */
export async function liveAgentLines(text: string): Promise<string[]> {
  const risk = agentsAtRisk(text);
  if (risk.length === 0) return [];
  const api = clientFromSettings({});
  try {
    const states = await readAgentStates(
      api,
      risk.map((r) => r.cno),
    );
    const wait = liveAgentWait();
    return risk
      .map((r) => liveAgentLine(states.get(r.cno)!, r.step, r.forceOffline, wait))
      .filter((l): l is string => l !== undefined)
      .map((l) => `${l}.`);
  } finally {
    await api.close();
  }
}
