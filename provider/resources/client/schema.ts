/**
 * Client (座席, an agent): doc 3.1.1 create_client, 3.1.2 update_client, 3.1.5 describe_client,
 * 3.1.13 other_setting and 3.1.14 list_other_setting. Id: cno.
 *
 * Rules the document forces on the fields (each written at the field):
 * - `type` is absent from update_client: a change replaces the agent.
 * - `ibWrapupType`/`ibWrapupTime` exist only on update_client: create follows with an update.
 * - describe_client returns no password, assignType, dynamicTelGroupId, dynamicTelGroupName,
 *   clidDefault, wechatMiniProgramRtc, obClidDefaultType or dynamicTelGroupIdDefault (doc 3.1.5's
 *   answer table): those are sent only when declared and compared with the last declared value
 *   only (refresh cannot see them drift).
 * - describe returns clidArea without its number-group keys and crmId as a string.
 * - create_client and update_client require `permission` (doc 3.1.1/3.1.2, `permission` 必填
 *   true), each of its keys optional: only the declared keys are managed. Create sends the
 *   declared keys (`{}` when none); update sends them merged into the server's permission, read
 *   just before the write.
 * - agcRx/agcTx live on their own endpoint (other_setting), which takes both together.
 */
import { z } from "zod";
import {
  areaCode,
  codes,
  described,
  digits,
  type Codes,
  flag,
  int,
  oneOf,
  password,
  keyedSet,
  queueNumber,
  telNumber,
  unmaskNumbers,
  objectsOf,
  setSize,
  sortedSet,
  stringSet,
  stringsOf,
  text,
  NAME_CHARS,
  type Failure,
  type ResourceSchema,
} from "../../schema/core";

/** Agent role (座席角色), doc 3.1.1 `role`. */
const roleCodes = codes("ClientRole", { Agent: [0, "agent"], Supervisor: [1, "supervisor"] });
export const ClientRole = roleCodes.values;
/** Agent type (座席类型), doc 3.1.1 `type`. Fixed at creation. */
const typeCodes = codes("ClientType", {
  Omnichannel: [1, "omnichannel"],
  CallCenter: [2, "call center"],
  OnlineChat: [3, "online chat"],
});
export const ClientType = typeCodes.values;
/** Caller-number type (外显号码类型), doc 3.1.1 `clidType`. */
const clidTypeCodes = codes("ClidType", {
  All: [0, "all"],
  LocalFirst: [1, "local first (本地优先; vendor SDK, not in the document)"],
  AgentSpecified: [2, "agent-specified"],
  Smart: [3, "smart"],
});
export const ClidType = clidTypeCodes.values;
/**
 * Caller-number rule (外显规则), doc 3.1.1 `clidRule`: random/round robin for ClidType.All,
 * dynamic/custom for ClidType.Smart.
 */
const clidRuleCodes = codes("ClidRule", {
  RandomOrDynamic: [1, "random (all) / dynamic (smart)"],
  RoundRobinOrCustom: [2, "round robin (all) / custom (smart)"],
});
export const ClidRule = clidRuleCodes.values;
/** Number source (号码类型), doc 3.1.1 `assignType`. */
const assignTypeCodes = codes("AssignType", { Numbers: [0, "numbers"], DynamicGroup: [1, "dynamic number group"] });
export const AssignType = assignTypeCodes.values;
/** Inbound wrap-up type (呼入整理类型), update only: doc 3.1.2 update_client, `ibWrapupType`. */
const ibWrapupTypeCodes = codes("IbWrapupType", { Queue: [1, "queue's setting"], Agent: [2, "agent's setting"] });
export const IbWrapupType = ibWrapupTypeCodes.values;
/**
 * Recording playback/download permission (录音试听下载权限), `permission.recordDownload`. The update
 * table (doc 3.1.2), the describe table (doc 3.1.5) and the vendor SDK's ClientPermission agree:
 * 1 listen only (试听), 2 listen and download (试听下载). The create table (doc 3.1.1) reads 1 as
 * listen-and-download and 2 as listen: three sources against one (docs/design.md, document vs SDK).
 */
const recordDownloadCodes = codes("RecordDownload", {
  Off: [0, "off"],
  Listen: [1, "listen only (试听)"],
  ListenAndDownload: [2, "listen and download (试听下载)"],
});
export const RecordDownload = recordDownloadCodes.values;

/**
 * The permission keys, each with the server's documented default (`dflt`, doc 3.1.1 permission 对象):
 * for docs only, never sent (an undeclared key keeps the server's value).
 */
const PERMISSION_FIELDS: Record<
  string,
  { labels: Record<number, string>; codes?: Codes; dflt: number | undefined; label: string; term: string }
> = {
  asr: {
    labels: { 0: "off", 1: "inbound", 2: "outbound", 3: "all" },
    dflt: 0,
    label: "speech-to-text",
    term: "语音转写",
  },
  call: {
    labels: { 0: "off", 1: "unrestricted", 2: "domestic long distance", 3: "domestic local" },
    dflt: 1,
    label: "outbound calling",
    term: "外呼权限",
  },
  cdr: {
    labels: { 1: "all", 2: "own queues", 3: "own calls" },
    dflt: 1,
    label: "call records visible",
    term: "通话记录查看权限",
  },
  recordDownload: {
    labels: recordDownloadCodes.labels,
    codes: recordDownloadCodes,
    // The default is as unsettled as the codes: doc 3.1.1 says "默认值 1" and labels 1 listen and
    // download; the vendor SDK's ClientPermission says 默认试听下载 (2 in its codes). No default is
    // named here: it is never sent, and the exporter always declares the server's value.
    dflt: undefined,
    label: "recording playback/download",
    term: "录音试听下载权限",
  },
  sms: { labels: { 0: "off", 1: "on" }, dflt: 0, label: "sending SMS", term: "短信发送权限" },
  record: {
    labels: { 0: "off", 1: "inbound", 2: "outbound", 3: "all" },
    dflt: 3,
    label: "call recording",
    term: "通话录音权限",
  },
  chat: {
    labels: { 0: "all", 1: "own queues", 2: "own chats" },
    dflt: 0,
    label: "chat history visible",
    term: "在线客服查看会话记录权限",
  },
  transfer: {
    labels: { 0: "all", 1: "own staff group" },
    dflt: 1,
    label: "transfer/consult targets",
    term: "通话转移/咨询权限",
  },
  otherData: {
    labels: { 1: "all", 2: "own staff group", 3: "own", 4: "chosen staff groups" },
    dflt: 2,
    label: "other data visible",
    term: "其他数据查看权限",
  },
  taskInventory: { labels: { 1: "all", 3: "own" }, dflt: 1, label: "outbound tasks visible", term: "外呼任务查看权限" },
};

/** Permissions (doc 3.1.1 permission 对象): only the declared keys, each managed on its own. */
const permissionSchema = z
  .object(
    Object.fromEntries(
      Object.entries(PERMISSION_FIELDS).map(([k, f]) => [
        k,
        oneOf(f.codes ?? f.labels)
          .optional()
          .meta({
            label: f.label,
            term: f.term,
            description:
              `${f.label[0].toUpperCase()}${f.label.slice(1)} (${f.term}): ` +
              `${Object.entries(f.labels)
                .map(([v, l]) => `${v} ${l}`)
                .join(", ")}. Server default ${f.dflt ?? "unsettled (docs/design.md)"}.`,
          }),
      ]),
    ),
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has no key ${(issue.keys as string[]).map((k) => `'${k}'`).join(", ")}; the permission keys are ${Object.keys(PERMISSION_FIELDS).join(", ")}`
          : "must be an object of permission switches",
    },
  )
  .strict()
  .meta({ clinkType: "Permission" })
  .transform((p) => withoutNulls(p as Record<string, unknown>));

/**
 * CRM id (CRM 编号): doc 3.1.1/3.1.2 type it Integer, list and describe (3.1.4/3.1.5) String, the
 * vendor SDK String. One rule (docs/design.md): 1 to 64 digits, kept exactly as declared and sent as
 * a String, so "00123" stays "00123"; a declared number is kept a number (state written before keeps
 * comparing equal) and sent as its digits. Text that is not digits is no Integer: refused.
 */
const CRM_ID = /^\d{1,64}$/;
const crmIdAllowed =
  'must be a CRM id: 1 to 64 digits, quoted to keep leading zeros ("00123"), or a non-negative integer';
const crmIdSchema = z.union(
  [
    described<string>(z.string({ error: crmIdAllowed }).regex(CRM_ID, { error: crmIdAllowed }), {
      kind: "digits",
      minLength: 1,
      maxLength: 64,
      what: 'CRM id, quoted to keep leading zeros: "00123"',
    }),
    described<number>(
      z
        .number({ error: crmIdAllowed })
        .int({ error: crmIdAllowed })
        .min(0, { error: crmIdAllowed })
        .refine((n) => Number.isSafeInteger(n), { error: crmIdAllowed }),
      { kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER },
    ),
  ],
  { error: crmIdAllowed },
);

/** Caller numbers (外显号码): digits, never a mask (doc 2.7); 3 to 20 digits. */
const phoneNumber = telNumber(3, 20, "a caller number (外显号码)");
const numberSet = stringSet(phoneNumber, "caller number (外显号码)");

/** Area-specific caller numbers (doc 3.1.1 clidArea 对象). A set keyed by areaGroupName. */
const clidAreaItem = z
  .object({
    areaGroupName: z
      .string({ error: "must be the area group name (地区组名称)" })
      .min(1)
      .meta({ description: "Area group name (地区组名称): the key of the set." }),
    obClids: sortedSet(phoneNumber, "caller number (外显号码)")
      .optional()
      .meta({ description: "Caller numbers for the area (外显号码), a set." }),
    assignType: oneOf(assignTypeCodes)
      .optional()
      .meta({ description: "Number source (号码类型): 0 numbers, 1 a dynamic number group." }),
    dynamicTelGroupName: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Dynamic number group name (动态号码组名称), with assignType 1." }),
    areaGroupId: int(0, 2 ** 31 - 1)
      .optional()
      .meta({ description: "Deprecated by the vendor (字段废弃): use areaGroupName." }),
    dynamicTelGroupId: int(0, 2 ** 31 - 1)
      .optional()
      .meta({ description: "Deprecated by the vendor (字段废弃): use dynamicTelGroupName." }),
  })
  .strict()
  .meta({ clinkType: "ClidArea" });
type ClidArea = z.infer<typeof clidAreaItem>;
const clidAreaSchema = keyedSet(clidAreaItem, "areaGroupName", "{ areaGroupName, obClids, ... }");

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

const describedOnlyRead = { read: false as const };

export const clientSchema: ResourceSchema = {
  type: "Client",
  vendorTerm: "座席",
  noun: "agent",
  idFields: ["cno"],
  options: {
    forceOfflineOnDelete:
      "When deleting an agent who is logged in (ClientOnline), log the agent out first (POST /cc/offline_client, doc 4.2.8). Off by default: deleting interrupts nobody unless you opt in.",
  },
  fields: {
    cno: {
      schema: digits(4, 11, "agent number, 座席号"),
      label: "Agent number",
      term: "座席工号",
      doc: "Unique. Identity: changing it replaces the agent.",
      lifecycle: "identity",
      required: true,
    },
    name: {
      schema: text(20, { pattern: NAME_CHARS, patternText: "Chinese characters, letters, digits and _" }),
      label: "Agent name",
      term: "座席名称",
      doc: "",
      lifecycle: "updatable",
      required: true,
    },
    areaCode: {
      schema: areaCode,
      label: "Area code the agent belongs to",
      term: "所属区号",
      doc: "",
      lifecycle: "updatable",
      required: true,
    },
    password: {
      schema: password(),
      label: "Agent password",
      term: "座席密码",
      doc:
        "A Pulumi secret; never read back (describe omits it), so only a change of the declared value updates it. " +
        "The enterprise's password rule (default length 8, doc 3.1.1 `password`) " +
        "is checked by the server (ClientPassword).",
      lifecycle: "updatable",
      required: true,
      secret: true,
      writeOnly: true,
    },
    role: {
      schema: oneOf(roleCodes),
      label: "Role",
      term: "座席角色",
      doc: "1 is a supervisor (班长).",
      lifecycle: "updatable",
      default: 0,
    },
    active: {
      schema: flag("disabled", "enabled"),
      label: "Enabled",
      term: "启用状态",
      doc: "",
      lifecycle: "updatable",
      default: 1,
    },
    qnos: {
      schema: stringSet(queueNumber(), "queue number (队列号)"),
      label: "Queues the agent belongs to",
      term: "所属队列号集合",
      doc:
        "Declared: the agent is in exactly these queues (new memberships get " +
        "penalty 1 on the simulator; the document does not say). Not declared: memberships are left alone. Do not combine with a " +
        "Queue that declares `members` for the same queue (docs/membership.md).",
      lifecycle: "updatable",
      asList: stringsOf,
    },
    hiddenTel: {
      schema: flag("show numbers", "hide as the global setting says"),
      label: "Number hiding",
      term: "号码隐藏类型",
      doc: "",
      lifecycle: "updatable",
      default: 0,
    },
    wrapupTime: {
      schema: int(0, 300, "seconds"),
      label: "Wrap-up time after outbound calls",
      term: "整理时长",
      doc: "After outbound calls.",
      lifecycle: "updatable",
      default: 30,
    },
    ibWrapupType: {
      schema: oneOf(ibWrapupTypeCodes),
      label: "Inbound wrap-up type",
      term: "呼入整理类型",
      doc: "update_client only: create sends it in a follow-up update.",
      lifecycle: "updateOnly",
    },
    ibWrapupTime: {
      schema: int(0, 3600, "seconds"),
      label: "Inbound wrap-up time",
      term: "呼入整理时长",
      doc: "update_client only: create sends it in a follow-up update.",
      lifecycle: "updateOnly",
    },
    crmId: {
      schema: crmIdSchema,
      label: "CRM id",
      term: "CRM 编号",
      doc:
        'For a third-party CRM; kept as declared ("00123" is sent and kept as "00123"). ' +
        'Doc 3.1.1/3.1.2 type it as Integer, describe (3.1.5) as String and its example answers "" when unset; it is sent as a String, as the vendor SDK does.',
      lifecycle: "updatable",
      toApi: (v) => String(v),
      fromApi: (v) => (v === "" ? undefined : typeof v === "number" ? String(v) : v),
      // The server answers text; a program (or state from 0.1.0) that declared the number keeps it.
      mergeApi: (value, previous) =>
        typeof previous === "number" && typeof value === "string" && String(previous) === value ? previous : value,
    },
    clidType: {
      schema: oneOf(clidTypeCodes),
      label: "Caller-number type",
      term: "外显号码类型",
      doc: "Doc 3.1.1/3.1.2 list 0, 2 and 3; 1 local first (本地优先) is in the vendor SDK's create/update requests only, accepted so an agent the console set so can be adopted as it is (docs/design.md). Non-zero requires `clid`.",
      lifecycle: "updatable",
      default: 0,
    },
    clidRule: {
      schema: oneOf(clidRuleCodes),
      label: "Caller-number rule",
      term: "外显规则",
      doc: "With clidType 0: 1 random, 2 round robin; with clidType 3: 1 dynamic, 2 custom.",
      lifecycle: "updatable",
      default: 1,
    },
    assignType: {
      schema: oneOf(assignTypeCodes),
      label: "Number source",
      term: "号码类型",
      doc: "1 needs dynamicTelGroupName.",
      lifecycle: "updatable",
      default: 0,
      api: describedOnlyRead,
    },
    dynamicTelGroupId: {
      schema: int(0, 2 ** 31 - 1),
      label: "dynamicTelGroupId (deprecated)",
      doc: "Deprecated by the vendor (字段废弃): use dynamicTelGroupName.",
      lifecycle: "updatable",
      api: describedOnlyRead,
    },
    dynamicTelGroupName: {
      schema: text(30),
      label: "Dynamic number group name",
      term: "动态号码组名称",
      doc: "Required when assignType is 1.",
      lifecycle: "updatable",
      api: describedOnlyRead,
    },
    clid: {
      schema: numberSet,
      label: "Caller numbers the agent may show",
      term: "可外显号码集合",
      doc: "Required when clidType is not 0. Must be enterprise caller numbers.",
      lifecycle: "updatable",
      asList: stringsOf,
      // A server with number hiding answers masked numbers (doc 3.1.5 example "400xxx888").
      mergeApi: unmaskNumbers,
    },
    clidDefault: {
      schema: numberSet,
      label: "Fallback caller numbers",
      term: "缺省外显号码集合",
      doc: "For clidType 3 with clidRule 1.",
      lifecycle: "updatable",
      asList: stringsOf,
      api: describedOnlyRead,
    },
    clidArea: {
      schema: clidAreaSchema,
      label: "Caller numbers by area",
      term: "按地区外显配置",
      doc: "For clidType 3 with clidRule 2. Describe returns only areaGroupName and obClids; the other keys are compared with the last declaration.",
      lifecycle: "updatable",
      asList: objectsOf("areaGroupName"),
      mergeApi: (value, previous) => {
        if (!Array.isArray(value)) return value;
        const list = objectsOf("areaGroupName")(previous) as ClidArea[] | undefined;
        const before = new Map((Array.isArray(list) ? list : []).map((a) => [a.areaGroupName, a]));
        return value.map((a: ClidArea) => {
          const prev = before.get(a.areaGroupName);
          const merged: Record<string, unknown> = { ...a };
          if (Array.isArray(a.obClids)) merged.obClids = unmaskNumbers(a.obClids, prev?.obClids);
          for (const k of ["assignType", "dynamicTelGroupName", "areaGroupId", "dynamicTelGroupId"] as const)
            if (merged[k] === undefined && prev?.[k] !== undefined) merged[k] = prev[k];
          return merged;
        });
      },
    },
    recurrentselectionType: {
      schema: oneOf({ 1: "by day", 2: "by call" }),
      label: "Round-robin period",
      term: "轮选方式",
      doc: "Effective with clidType 0 and clidRule 2.",
      lifecycle: "updatable",
    },
    recurrentselectionValue: {
      schema: int(1, 30, "days or calls"),
      label: "Round-robin interval",
      term: "轮选值",
      doc: "Change the number every n days or calls.",
      lifecycle: "updatable",
    },
    permission: {
      schema: permissionSchema,
      outputType: "Required<Permission>",
      label: "Permissions",
      term: "permission 对象",
      doc:
        "Only the declared keys are managed: an undeclared key keeps the server's value (the defaults are what a new agent gets). " +
        "create_client and update_client require the object (doc 3.1.1/3.1.2 `permission`): an update sends the declared keys merged into the server's permission, read just before.",
      lifecycle: "updatable",
      default: {},
      requiredOnCreate: true, // doc 3.1.1 create_client, `permission` 必填 true: `{}` when undeclared
      requiredOnUpdate: true, // doc 3.1.2 update_client, `permission` 必填 true
      partialKeys: true,
      keyDefaults: Object.fromEntries(
        Object.entries(PERMISSION_FIELDS)
          .filter(([, f]) => f.dflt !== undefined)
          .map(([k, f]) => [k, f.dflt]),
      ),
      // The describe example of doc 3.1.5 answers seven of the ten keys (no transfer, otherData,
      // taskInventory): a key the server leaves out keeps its last declared value instead of
      // falling back to the default, which would show as drift that never converges.
      mergeApi: (value, previous) =>
        value && typeof value === "object" && !Array.isArray(value)
          ? { ...((previous as object | undefined) ?? {}), ...withoutNulls(value as Record<string, unknown>) }
          : value,
    },
    type: {
      schema: oneOf(typeCodes),
      label: "Agent type",
      term: "座席类型",
      doc: "update_client has no type: a change replaces the agent.",
      lifecycle: "replace",
      default: 2,
    },
    wechatMiniProgramRtc: {
      schema: flag("off", "on"),
      label: "WeChat mini-program RTC",
      term: "微信小程序RTC开关",
      doc: "",
      lifecycle: "updatable",
      default: 0,
      api: describedOnlyRead,
    },
    obClidDefaultType: {
      schema: oneOf({ 0: "number", 1: "dynamic number group" }),
      label: "Fallback number type",
      term: "缺省号码类型",
      doc: "1 needs dynamicTelGroupIdDefault.",
      lifecycle: "updatable",
      default: 0,
      api: describedOnlyRead,
    },
    dynamicTelGroupIdDefault: {
      schema: int(0, 2 ** 31 - 1),
      label: "Fallback dynamic number group id",
      term: "缺省动态外呼组id",
      doc: "Required when obClidDefaultType is 1.",
      lifecycle: "updatable",
      api: describedOnlyRead,
    },
    serveArea: {
      schema: stringSet(areaCode, "area code"),
      label: "Areas the agent serves",
      term: "座席服务地区",
      doc: "Used by outbound tasks assigned by area.",
      lifecycle: "updatable",
      asList: stringsOf,
    },
    cloudNumberEnabled: {
      schema: flag("off", "on"),
      label: "Cloud-number calling",
      term: "云号码外呼开关",
      doc: "Only when the enterprise has cloud-phone calling, else the server refuses the agent.",
      lifecycle: "updatable",
    },
    cloudNumberModes: {
      schema: z
        .array(oneOf({ 0: "off", 1: "on", 2: "2 (in the describe example of doc 3.1.5; meaning not documented)" }), {
          error: "must be four switches",
        })
        .length(4, {
          error: "must be four switches: [SIM card, work card, callback, RTC]",
        }),
      label: "Cloud-number modes",
      term: "云号码呼叫模式",
      doc:
        "Four switches in order [SIM card, work card, two-way callback, RTC]. Order matters. " +
        "The describe example of doc 3.1.5 answers [0,0,0,2]: 2 is accepted (and sent) as the server's own value, its meaning is not documented.",
      lifecycle: "updatable",
    },
    obHangupSms: {
      schema: flag("off", "on"),
      label: "SMS after outbound hang-up",
      term: "外呼挂机短信开关",
      doc: "The SMS centre's rules decide what is sent.",
      lifecycle: "updatable",
    },
    pauseLogin: {
      schema: flag("off", "on"),
      label: "May log in paused",
      term: "是否可置忙登录",
      doc: "",
      lifecycle: "updatable",
      default: 1,
    },
    agcRx: {
      schema: int(0, 100),
      label: "Input gain",
      term: "输入增益",
      doc: "Set by other_setting (doc 3.1.13). Declare together with agcTx.",
      lifecycle: "updatable",
      api: { create: false, update: false },
    },
    agcTx: {
      schema: int(0, 100),
      label: "Output gain",
      term: "输出增益",
      doc: "Set by other_setting (doc 3.1.13). Declare together with agcRx.",
      lifecycle: "updatable",
      api: { create: false, update: false },
    },
    status: {
      schema: z.number(),
      label: "Login state",
      term: "座席状态",
      doc: "0 offline, 1 online (describe only).",
      lifecycle: "computed",
    },
    bindTel: {
      schema: z.string(),
      label: "The phone the agent has bound",
      term: "座席绑定电话",
      doc: "Describe only; managed by ClientPhone.",
      lifecycle: "computed",
    },
    telType: {
      schema: z.number(),
      label: "Type of the bound phone",
      term: "电话类型",
      doc: "1 landline, 2 mobile, 3 IP phone, 4 softphone (describe only).",
      lifecycle: "computed",
    },
    autoInvestigation: {
      schema: z.number(),
      label: "Automatic satisfaction survey",
      term: "座席满意度自动执行",
      doc: "Describe only.",
      lifecycle: "computed",
    },
  },
  validate(inputs, known) {
    const failures: Failure[] = [];
    const is = (f: string, v: unknown) => known(f) && inputs[f] === v;
    const missing = (f: string) =>
      known(f) &&
      (inputs[f] === undefined || (typeof inputs[f] === "object" && inputs[f] !== null && setSize(inputs[f]) === 0));
    if (known("clidType") && inputs.clidType !== 0 && missing("clid"))
      failures.push({
        property: "clid",
        reason: "clid (caller numbers) is required when clidType is not 0 (all), doc 3.1.1 create_client, `clid`",
      });
    if (is("assignType", 1) && missing("dynamicTelGroupName"))
      failures.push({
        property: "dynamicTelGroupName",
        reason:
          "dynamicTelGroupName is required when assignType is 1 (dynamic number group), " +
          "doc 3.1.1 create_client, `dynamicTelGroupName`",
      });
    if (is("obClidDefaultType", 1) && missing("dynamicTelGroupIdDefault"))
      failures.push({
        property: "dynamicTelGroupIdDefault",
        reason:
          "dynamicTelGroupIdDefault is required when obClidDefaultType is 1 (dynamic number group), " +
          "doc 3.1.1 create_client, `dynamicTelGroupIdDefault`",
      });
    if (known("agcRx") && known("agcTx") && (inputs.agcRx === undefined) !== (inputs.agcTx === undefined))
      failures.push({
        property: inputs.agcRx === undefined ? "agcRx" : "agcTx",
        reason:
          "agcRx and agcTx are set together " +
          "(other_setting requires both, doc 3.1.13 other_setting, error InvalidParameter)",
      });
    // Doc 3.1.1 clidArea 对象, `dynamicTelGroupName`: required in an area entry with assignType 1.
    // (clidDefault outside clidType 3 / clidRule 1 is not refused: the document says where it takes
    // effect, and its own create/update examples send it with clidType 0.)
    if (known("clidArea") && inputs.clidArea && typeof inputs.clidArea === "object")
      for (const [area, entry] of Object.entries(inputs.clidArea as Record<string, Partial<ClidArea>>))
        if (entry?.assignType === 1 && !entry.dynamicTelGroupName)
          failures.push({
            property: "clidArea",
            reason:
              `clidArea entry "${area}": dynamicTelGroupName is required when its assignType is 1 (dynamic number group), ` +
              "doc 3.1.1 clidArea 对象, `dynamicTelGroupName`",
          });
    return failures;
  },
};
