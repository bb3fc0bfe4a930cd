/**
 * The kinds the exporter knows, as the command line names them, with the module each is written
 * to and how its declarations are named. Ordered so that a kind comes after the kinds it refers
 * to (index.ts imports them in this order; the references themselves are what orders the engine).
 */
import {
  clientPhoneSchema,
  clientSchema,
  dynamicTelGroupSchema,
  extenSchema,
  pauseSchema,
  queueSchema,
  restrictTelSchema,
  restrictTelSettingSchema,
  type ResourceSchema,
} from "./definitions";

export type Kind =
  "dynamicTelGroup" | "client" | "exten" | "queue" | "clientPhone" | "pause" | "restrictTel" | "restrictTelSetting";

export interface KindInfo {
  kind: Kind;
  schema: ResourceSchema;
  /** The module of the exported project (without .ts) and what its header calls the objects. */
  module: string;
  title: string;
  /** What the key pattern of `--match kind=glob` is matched against. */
  keyDoc: string;
}

export const KINDS: readonly KindInfo[] = [
  {
    kind: "dynamicTelGroup",
    schema: dynamicTelGroupSchema,
    module: "number-groups",
    title: "dynamic outbound-number groups (动态号码组, 3.5.8 page_dynamic_tel_group_rule)",
    keyDoc: "the group's name",
  },
  {
    kind: "client",
    schema: clientSchema,
    module: "agents",
    title: "agents (座席, 3.1.4 list_clients, 3.1.5 describe_client, 3.1.14 list_other_setting)",
    keyDoc: "the agent number (cno)",
  },
  {
    kind: "exten",
    schema: extenSchema,
    module: "extens",
    title: "phones (话机, 3.4.4 list_extens)",
    keyDoc: "the phone number (extenNumber)",
  },
  {
    kind: "queue",
    schema: queueSchema,
    module: "queues",
    title: "queues and their members (队列, 3.2.6 list_queues, 3.2.7 describe_queue)",
    keyDoc: "the queue number (qno)",
  },
  {
    kind: "clientPhone",
    schema: clientPhoneSchema,
    module: "agent-phones",
    title: "the phone each agent answers on (座席绑定电话, 3.1.4 list_clients `bindTel`)",
    keyDoc: "the agent number (cno)",
  },
  {
    kind: "pause",
    schema: pauseSchema,
    module: "pauses",
    title: "pause statuses (置忙状态, 3.3.1 list_enterprise_pauses)",
    keyDoc: "the status text (pauseStatus)",
  },
  {
    kind: "restrictTel",
    schema: restrictTelSchema,
    module: "restrict-tels",
    title: "black- and white-list entries (黑白名单, 3.7.1 list_restrict_tel)",
    keyDoc: 'the number (tel), or "restrictType:tel" (1 blacklist, 2 whitelist)',
  },
  {
    kind: "restrictTelSetting",
    schema: restrictTelSettingSchema,
    module: "restrict-tel-setting",
    title: "the black/white-list switch (黑白名单配置, 3.7.4 describe_restrict_tel_setting)",
    keyDoc: '"restrict-tel-setting"',
  },
];

export const KIND_NAMES: readonly Kind[] = KINDS.map((k) => k.kind);

export const kindInfo = (kind: Kind): KindInfo => KINDS.find((k) => k.kind === kind)!;

/**
 * Which kinds a kind's declarations refer to: a queue's members are agents, a binding names an
 * agent and (when the phone is one of the center's) an Exten. Never cyclic: agents refer to
 * nothing the API lets us read (describe_client answers no number group, doc 3.1.5).
 */
export const REFERS_TO: Record<Kind, Kind[]> = {
  dynamicTelGroup: [],
  client: [],
  exten: [],
  queue: ["client"],
  clientPhone: ["client", "exten"],
  pause: [],
  restrictTel: [],
  restrictTelSetting: [],
};
