/**
 * The policy pack's rules about agents: permissions and wrap-up times (doc 3.1.1 create_client, 3.2.1 create_queue).
 */
import { fieldSpec, intOf, textOf, Unknown, valueOf, who } from "../../../policy/read";
import {
  exemptConfig,
  intConfig,
  ofType,
  settle,
  stringsConfig,
  type ResourceRule,
  type StackRule,
  type Violation,
} from "../../../policy/rule";
import { membershipsOf } from "../queue/policy";
import { ClientRole, IbWrapupType, RecordDownload } from "./schema";

export const agentInAQueue: StackRule = {
  order: 40,
  kind: "stack",
  name: "agent-in-a-queue",
  description:
    "Every agent is in a queue, through a queue's members, a QueueMember or its own qnos: an agent in no queue never gets a queue's call.",
  enforcementLevel: "advisory",
  config: { exempt: exemptConfig("Agent numbers (cno)") },
  check(resources, config) {
    const exempt = stringsConfig(config, "exempt");
    const m = membershipsOf(resources);
    if (m.someAgentUnknown) return [];
    const out: Violation[] = [];
    for (const c of ofType(resources, "Client")) {
      const cno = textOf(c, "cno");
      if (cno === Unknown || cno === undefined || exempt.includes(cno) || m.agents.has(cno)) continue;
      out.push({
        urn: c.urn,
        message:
          `${who(c)} (cno ${cno}) is in no queue of this stack: no queue's call ever reaches this agent. ` +
          `Add it to a queue's members ({ cno: "${cno}", penalty: 1 }), declare a QueueMember, or set its qnos ` +
          `(docs/membership.md). If the agent works only outbound or is placed in queues elsewhere, add "${cno}" to this policy's exempt list.`,
      });
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Agents' permissions and wrap-up times (doc 3.1.1 create_client, 3.2.1 create_queue)
// ---------------------------------------------------------------------------------------------

/**
 * What a new agent gets when permission does not declare recordDownload: playback and download,
 * in every reading (doc 3.1.1's default 1 in its own reading; the vendor SDK's ClientPermission,
 * 默认试听下载), which is RecordDownload.ListenAndDownload (2) in the settled codes (docs/design.md).
 */
const DEFAULT_RECORD_DOWNLOAD = RecordDownload.ListenAndDownload;

export const noRecordDownloadForAgents: ResourceRule = {
  order: 50,
  kind: "resource",
  types: ["Client"],
  name: "no-record-download-for-agents",
  description:
    "Plain agents (role 0) do not get permission.recordDownload, which the document grants by default " +
    "(doc 3.1.1 create_client, permission 对象 `recordDownload`: a new agent may play back and download).",
  enforcementLevel: "advisory",
  config: {
    allowed: {
      type: "array",
      items: { type: "integer" },
      default: [0],
      description:
        "The recordDownload values a plain agent may have (clink.RecordDownload): 1 playback only, 2 playback and download, " +
        "as the update and describe tables and the vendor SDK read them (doc 3.1.1's create table reads them the other way " +
        "round): allow 1 only once your tenant shows it is playback only.",
    },
    exempt: exemptConfig("Agent numbers (cno)"),
  },
  check(r, config) {
    if (intOf(r, "role") !== ClientRole.Agent) return [];
    const cno = textOf(r, "cno");
    if (cno !== Unknown && cno !== undefined && stringsConfig(config, "exempt").includes(cno)) return [];
    const permission = valueOf(r, "permission");
    if (permission === Unknown) return [];
    const declared =
      typeof permission === "object" && permission !== null && "recordDownload" in permission
        ? settle((permission as Record<string, unknown>).recordDownload)
        : undefined;
    const value = declared ?? DEFAULT_RECORD_DOWNLOAD;
    const allowed = config.allowed;
    if (typeof value !== "number" || (Array.isArray(allowed) && allowed.includes(value))) return [];
    const shown =
      declared === undefined
        ? `permission.recordDownload undeclared (a new agent gets the server's default, playback and download; an adopted one keeps its own)`
        : `permission.recordDownload ${value}`;
    return [
      `${who(r)}${cno !== Unknown && cno !== undefined ? ` (cno ${cno})` : ""} is a plain agent (role ${ClientRole.Agent}) ` +
        `with ${shown}: the agent can play back and download call recordings (录音试听下载权限, doc 3.1.1 create_client). ` +
        `Declare permission: { recordDownload: 0 }, or make the agent a supervisor (role: clink.ClientRole.Supervisor) ` +
        `if reviewing recordings is the agent's job; a value this policy allows goes in its allowed list.`,
    ];
  },
};

export const wrapupTimeInRange: ResourceRule = {
  order: 60,
  kind: "resource",
  types: ["Queue", "Client"],
  name: "wrapup-time-in-range",
  description:
    "Wrap-up times (整理时长: Queue wrapupTime, Client wrapupTime and ibWrapupTime) lie within the configured range, in seconds.",
  enforcementLevel: "advisory",
  config: {
    min: { type: "integer", minimum: 0, default: 5, description: "The shortest wrap-up time allowed, in seconds." },
    max: { type: "integer", minimum: 0, default: 120, description: "The longest wrap-up time allowed, in seconds." },
  },
  check(r, config) {
    const min = intConfig(config, "min");
    const max = intConfig(config, "max");
    const fields: { field: string; what: string }[] =
      r.type === "Queue"
        ? [{ field: "wrapupTime", what: "wrap-up time after its calls (doc 3.2.1 `wrapupTime`)" }]
        : [
            { field: "wrapupTime", what: "wrap-up time after outbound calls (doc 3.1.1 `wrapupTime`)" },
            // Only the agent's own inbound setting counts: with ibWrapupType 1 the queue's applies (doc 3.1.2).
            ...(intOf(r, "ibWrapupType") === IbWrapupType.Queue
              ? []
              : [{ field: "ibWrapupTime", what: "inbound wrap-up time (doc 3.1.2 `ibWrapupTime`)" }]),
          ];
    const out: string[] = [];
    for (const { field, what } of fields) {
      const v = intOf(r, field);
      if (v === Unknown || v === undefined || (v >= min && v <= max)) continue;
      const dflt = fieldSpec(r.type, field).default;
      // A declared value equal to the document's default: say so, since leaving the field out
      // would not help (the server applies that default to a new object).
      const byDefault = v === dflt ? ` (the document's default: what applies when ${field} is not declared)` : "";
      out.push(
        `${who(r)} has a ${what} of ${v} s${byDefault}, ` +
          `outside this policy's range of ${min}-${max} s: ` +
          (v > max
            ? `the agent takes no new call for ${v} s after each call while callers wait. `
            : `the agent has ${v} s to note the call before the next one rings. `) +
          `Declare ${field} between ${min} and ${max}, or change the range (min, max) in the policy pack config.`,
      );
    }
    return out;
  },
};
