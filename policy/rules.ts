/**
 * The pack's rules, as plain functions of our resources (policy/read.ts) and a rule's config:
 * what each checks, its default enforcement level and its thresholds. policy/policies.ts hands
 * them to @pulumi/policy; docs/policy.md explains each. Field names, defaults and named codes come
 * from the resource schemas (provider/resources/<kind>/schema.ts), never written here twice.
 */
import { enumName } from "../provider/schema/core";
import { ClientRole, IbWrapupType, RecordDownload } from "../provider/resources/client/schema";
import { RestrictDirection, RestrictTelType, RestrictType } from "../provider/resources/restrict-tel/schema";
import { RestrictTelSettingValue } from "../provider/resources/restrict-tel-setting/schema";
import {
  settingValueOf,
  type RestrictMode,
  type RestrictScope,
} from "../provider/resources/restrict-tel-setting/program";
import {
  fieldSpec,
  intOf,
  setOf,
  textOf,
  Unknown,
  valueOf,
  who,
  type ClinkResource,
  type Maybe,
  type SetRead,
} from "./read";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";

/** One configurable threshold, as JSON Schema (the engine validates a pack config against it). */
export interface ConfigProperty {
  type: "integer" | "array";
  description: string;
  default: number | string[] | number[];
  minimum?: number;
  items?: { type: "string" | "integer" };
}

export type RuleConfig = Record<string, unknown>;

interface RuleBase {
  /** The policy name: what the pack config keys on and what the engine prints. */
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  config: Record<string, ConfigProperty>;
}

/** Runs on one resource's checked inputs, before the engine applies it. */
export interface ResourceRule extends RuleBase {
  kind: "resource";
  types: string[];
  check(r: ClinkResource, config: RuleConfig): string[];
}

export interface Violation {
  message: string;
  /** The resource the violation is about; the engine shows it under that resource. */
  urn?: string;
}

/** Runs once on every resource of the stack (rules about how resources relate). */
export interface StackRule extends RuleBase {
  kind: "stack";
  check(resources: ClinkResource[], config: RuleConfig): Violation[];
}

export type Rule = ResourceRule | StackRule;

/** A rule's config: the given values over the defaults of its config schema. */
export function configOf(rule: Rule, given: RuleConfig = {}): RuleConfig {
  const out: RuleConfig = {};
  for (const [k, p] of Object.entries(rule.config)) out[k] = given[k] ?? p.default;
  return out;
}

const intConfig = (c: RuleConfig, key: string): number => {
  const v = c[key];
  if (typeof v !== "number" || !Number.isInteger(v)) throw new Error(`policy config '${key}' must be an integer`);
  return v;
};
const stringsConfig = (c: RuleConfig, key: string): string[] => {
  const v = c[key] ?? [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw new Error(`policy config '${key}' must be a list of strings`);
  return v as string[];
};

const ofType = (resources: ClinkResource[], type: string) => resources.filter((r) => r.type === type);

/**
 * The constant a program writes for a code (`clink.RestrictType.Whitelist`): the constant's name
 * from the field's schema (`enumName`), or `name` for a field whose schema does not carry it.
 */
function constantOf(type: string, field: string, values: Record<string, number>, code: number, name?: string): string {
  const constant = enumName(fieldSpec(type, field).schema) ?? name;
  const key = Object.entries(values).find(([, v]) => v === code)?.[0];
  return constant && key ? `clink.${constant}.${key}` : String(code);
}

const settle = (v: unknown): unknown => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);

const exemptConfig = (what: string): ConfigProperty => ({
  type: "array",
  items: { type: "string" },
  default: [],
  description: `${what} this rule leaves alone.`,
});

// ---------------------------------------------------------------------------------------------
// Black and white lists (黑白名单, doc 3.7)
// ---------------------------------------------------------------------------------------------

/** Directions (doc 3.7.2 `type`) each whitelist setting (doc 3.7.4/3.7.5 `settingValue`) restricts to the list. */
const WHITELIST_DIRECTIONS: Record<number, number[]> = {
  [RestrictTelSettingValue.WhitelistInbound]: [RestrictDirection.Inbound],
  [RestrictTelSettingValue.WhitelistOutbound]: [RestrictDirection.Outbound],
  [RestrictTelSettingValue.WhitelistBoth]: [RestrictDirection.Inbound, RestrictDirection.Outbound],
};
const directionWord = (d: number) => (d === RestrictDirection.Inbound ? "inbound" : "outbound");

/** The switch's value: `settingValue`, or the typed `mode`/`direction` if a form of them reaches the pack. */
function settingOf(r: ClinkResource): Maybe<number | undefined> {
  const raw = intOf(r, "settingValue");
  if (raw !== undefined) return raw;
  const mode = r.props.mode;
  const direction = r.props.direction;
  if (mode === undefined) return undefined;
  if (typeof mode !== "string" || (direction !== undefined && typeof direction !== "string")) return Unknown;
  return settingValueOf(mode as RestrictMode, direction as RestrictScope | undefined);
}

/** The directions a list entry covers (doc 3.7.2 `type`: 1, 2, or both as [1, 2]); `Unknown` when not known. */
function directionsOf(r: ClinkResource): Maybe<number[]> {
  const v = valueOf(r, "type");
  if (v === Unknown) return Unknown;
  const list = Array.isArray(v) ? v : [v];
  const out = list.map(settle);
  return out.every((d): d is number => typeof d === "number") ? out : Unknown;
}

export const whitelistNeedsEntries: StackRule = {
  kind: "stack",
  name: "whitelist-needs-entries",
  description:
    "A whitelist-only switch (RestrictTelSetting settingValue 4, 5 or 6) needs whitelist entries (RestrictTel restrictType 2) " +
    "for each direction it restricts: otherwise every call in that direction is refused.",
  enforcementLevel: "mandatory",
  config: {},
  check(resources) {
    const out: Violation[] = [];
    const entries = ofType(resources, "RestrictTel");
    for (const setting of ofType(resources, "RestrictTelSetting")) {
      const value = settingOf(setting);
      if (value === Unknown || value === undefined || !(value in WHITELIST_DIRECTIONS)) continue;
      const missing = WHITELIST_DIRECTIONS[value].filter(
        (d) =>
          !entries.some((e) => {
            const list = intOf(e, "restrictType");
            if (list !== Unknown && list !== RestrictType.Whitelist) return false;
            const dirs = directionsOf(e);
            return dirs === Unknown || dirs.includes(d);
          }),
      );
      if (missing.length === 0) continue;
      const dirs = missing.map(directionWord).join(" and ");
      const whitelist = constantOf("RestrictTel", "restrictType", RestrictType, RestrictType.Whitelist);
      // `type` takes one direction or a list of them: its schema is a union, without the codes' name.
      const dir = (d: number) => constantOf("RestrictTel", "type", RestrictDirection, d, "RestrictDirection");
      const direction = missing.length === 2 ? `[${missing.map(dir).join(", ")}]` : dir(missing[0]);
      const number = constantOf("RestrictTel", "telType", RestrictTelType, RestrictTelType.Number);
      out.push({
        urn: setting.urn,
        message:
          `${who(setting)} turns on whitelist-only mode for ${dirs} calls (settingValue ${value}, doc 3.7.4/3.7.5), ` +
          `but this stack declares no whitelist entry for ${dirs} calls: the center would refuse every ${dirs} call. ` +
          `Declare the numbers that may ${missing.length === 2 ? "call" : missing[0] === RestrictDirection.Inbound ? "call in" : "be called"} first ` +
          `(new clink.RestrictTel("...", { restrictType: ${whitelist}, type: ${direction}, telType: ${number}, tel: "..." })), ` +
          `or switch to the blacklist (mode: "blacklist") or off. Entries the center already has are taken over with adopt: true; ` +
          `if the whitelist is kept outside this stack, set this policy to advisory or disabled in the stack's policy pack config.`,
      });
    }
    return out;
  },
};

/**
 * China's emergency numbers (紧急呼叫号码): police 110, fire 119, ambulance 120, traffic accidents
 * 122. The vendor document's list section (3.7.1-3.7.5) names no number that may not be listed,
 * and no other section lists any; more (e.g. 12395 maritime rescue, 999 Red Cross ambulance) are
 * added with the rule's `additionalNumbers`.
 */
export const EMERGENCY_NUMBERS: Record<string, string> = {
  "110": "police (匪警)",
  "119": "fire (火警)",
  "120": "ambulance (急救)",
  "122": "traffic accidents (交通事故报警)",
};

/**
 * The emergency number a listed number reaches, if any: the number itself, after an area code
 * ("010110" — an area code and three digits is never a landline), or after China's country code
 * ("+86 110", "0086110", "8610110").
 */
export function emergencyNumberOf(tel: string, numbers: string[]): string | undefined {
  const s = tel.replace(/[\s\-()]/g, "");
  const national = s.replace(/^(\+86|0086|86)/, "");
  const hasCountryCode = national !== s;
  return numbers.find(
    (n) =>
      s === n ||
      new RegExp(`^0\\d{2,3}${n}$`).test(s) ||
      (hasCountryCode && (national === n || new RegExp(`^0?\\d{2,3}${n}$`).test(national))),
  );
}

export const noBlacklistedEmergencyNumbers: ResourceRule = {
  kind: "resource",
  types: ["RestrictTel"],
  name: "no-blacklisted-emergency-numbers",
  description:
    "No blacklist entry (RestrictTel restrictType 1) for an emergency or public-service number (110, 119, 120, 122 and the configured additionalNumbers).",
  enforcementLevel: "mandatory",
  config: {
    additionalNumbers: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "More numbers that must never be blacklisted, besides 110, 119, 120 and 122 (e.g. 12395, 999).",
    },
  },
  check(r, config) {
    if (intOf(r, "restrictType") !== RestrictType.Blacklist) return [];
    const telType = intOf(r, "telType");
    if (telType !== Unknown && telType !== RestrictTelType.Number) return [];
    const tel = textOf(r, "tel");
    if (tel === Unknown || tel === undefined) return [];
    const extra = stringsConfig(config, "additionalNumbers");
    const hit = emergencyNumberOf(tel, [...Object.keys(EMERGENCY_NUMBERS), ...extra]);
    if (hit === undefined) return [];
    const dirs = directionsOf(r);
    const blocked =
      dirs === Unknown
        ? "calls with it"
        : dirs
            .map((d) =>
              d === RestrictDirection.Inbound ? "its calls into the center (a call-back)" : "agents' calls to it",
            )
            .join(" and ");
    const what = EMERGENCY_NUMBERS[hit] ?? "a public service (this policy's additionalNumbers)";
    return [
      `${who(r)} blacklists ${tel}, the emergency number ${hit} for ${what}: the center would refuse ${blocked}. ` +
        `Remove this RestrictTel: an emergency number is never to be blocked, in either direction.`,
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// Queues and their agents (doc 3.1 agents, 3.2 queues; docs/membership.md: three doors)
// ---------------------------------------------------------------------------------------------

/** Every membership the stack declares, through each door, with what is not known yet. */
interface Memberships {
  /** qno -> known cnos. */
  byQueue: Map<string, Set<string>>;
  /** qno -> members whose cno is not known yet. */
  unknownByQueue: Map<string, number>;
  /** cnos in some queue. */
  agents: Set<string>;
  /** Some membership's queue is not known yet (it may be any queue's). */
  someQueueUnknown: boolean;
  /** Some membership's agent is not known yet (it may be any agent's). */
  someAgentUnknown: boolean;
}

function membershipsOf(resources: ClinkResource[]): Memberships {
  const m: Memberships = {
    byQueue: new Map(),
    unknownByQueue: new Map(),
    agents: new Set(),
    someQueueUnknown: false,
    someAgentUnknown: false,
  };
  const add = (qno: Maybe<string | undefined>, cno: Maybe<string | undefined>) => {
    if (qno === Unknown || qno === undefined) m.someQueueUnknown = true;
    if (cno === Unknown || cno === undefined) m.someAgentUnknown = true;
    else m.agents.add(cno);
    if (qno === Unknown || qno === undefined) return;
    if (cno === Unknown || cno === undefined) m.unknownByQueue.set(qno, (m.unknownByQueue.get(qno) ?? 0) + 1);
    else m.byQueue.set(qno, (m.byQueue.get(qno) ?? new Set()).add(cno));
  };
  const addSet = (set: Maybe<SetRead | undefined>, each: (key: Maybe<string>) => void, whole: () => void) => {
    if (set === undefined) return;
    if (set === Unknown) return whole();
    set.keys.forEach(each);
    for (let i = 0; i < set.unknownElements; i++) each(Unknown);
  };
  // Queue.members (authoritative, doc 3.2.1/3.2.2 `queueMembers`): a set keyed by cno.
  for (const q of ofType(resources, "Queue")) {
    const qno = textOf(q, "qno");
    addSet(
      setOf(q, "members", "cno"),
      (cno) => add(qno, cno),
      () => add(qno, Unknown),
    );
  }
  // QueueMember: one membership (doc 3.2.3 batch_update_queue).
  for (const qm of ofType(resources, "QueueMember")) add(textOf(qm, "qno"), textOf(qm, "cno"));
  // Client.qnos: the agent's queues (doc 3.1.1/3.1.2 `qnos`).
  for (const c of ofType(resources, "Client")) {
    const cno = textOf(c, "cno");
    addSet(
      setOf(c, "qnos"),
      (qno) => add(qno, cno),
      () => add(Unknown, cno),
    );
  }
  return m;
}

export const queueHasMembers: StackRule = {
  kind: "stack",
  name: "queue-has-members",
  description:
    "Every queue has members, declared by its members, by QueueMember resources or by agents' qnos: a queue nobody answers drops its callers.",
  enforcementLevel: "advisory",
  config: {
    minMembers: {
      type: "integer",
      minimum: 1,
      default: 1,
      description: "The fewest agents a queue may have.",
    },
    exempt: exemptConfig("Queue numbers (qno)"),
  },
  check(resources, config) {
    const min = intConfig(config, "minMembers");
    const exempt = stringsConfig(config, "exempt");
    const m = membershipsOf(resources);
    const out: Violation[] = [];
    for (const q of ofType(resources, "Queue")) {
      const qno = textOf(q, "qno");
      if (qno === Unknown || qno === undefined || exempt.includes(qno)) continue;
      const known = m.byQueue.get(qno)?.size ?? 0;
      // A membership not known yet may be this queue's: no verdict unless even counting it falls short.
      const atMost = known + (m.unknownByQueue.get(qno) ?? 0);
      if (atMost >= min || m.someQueueUnknown) continue;
      const declared = setOf(q, "members", "cno") !== undefined;
      const has =
        known === 0
          ? "no members"
          : `${known} member${known === 1 ? "" : "s"} (${[...m.byQueue.get(qno)!].join(", ")})`;
      out.push({
        urn: q.urn,
        message:
          `${who(q)} (qno ${qno}) has ${has} in this stack${min > 1 ? `, fewer than the ${min} this policy asks for` : ""}: ` +
          `no agent answers the calls it receives; they wait until the queue times out (queueTimeout) and leave unanswered. ` +
          (declared ? `Add agents to its members ({ cno, penalty }), ` : `Declare its members ({ cno, penalty }), `) +
          `or add QueueMember resources or the qno to agents' qnos (docs/membership.md). ` +
          `If its members are managed outside this stack, add "${qno}" to this policy's exempt list.`,
      });
    }
    return out;
  },
};

export const agentInAQueue: StackRule = {
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

// ---------------------------------------------------------------------------------------------
// Pause statuses (置忙状态, doc 3.3; docs/pauses.md)
// ---------------------------------------------------------------------------------------------

export const defaultPauseDeclared: StackRule = {
  kind: "stack",
  name: "default-pause-declared",
  description: "A stack that declares pause statuses declares one of them the default (isDefault 1).",
  enforcementLevel: "advisory",
  config: {},
  check(resources) {
    const pauses = ofType(resources, "Pause");
    if (pauses.length === 0) return [];
    const flags = pauses.map((p) => intOf(p, "isDefault"));
    if (flags.some((f) => f === 1 || f === Unknown)) return [];
    const names = pauses.map((p) => `"${p.name}"`).join(", ");
    return [
      {
        urn: pauses[0].urn,
        message:
          `This stack declares pause statuses (clink.Pause ${names}) but none is the default (isDefault 1, doc 3.3.2 ` +
          `create_enterprise_pause 默认状态): which status an agent gets on pausing is left to whatever the console last set. ` +
          `Declare isDefault: 1 on one of them (only one: docs/pauses.md).`,
      },
    ];
  },
};

/** Every rule of the pack, in the order docs/policy.md lists them. */
export const rules: Rule[] = [
  whitelistNeedsEntries,
  noBlacklistedEmergencyNumbers,
  queueHasMembers,
  agentInAQueue,
  noRecordDownloadForAgents,
  wrapupTimeInRange,
  defaultPauseDeclared,
];
