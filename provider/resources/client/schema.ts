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
  flag,
  int,
  oneOf,
  password,
  queueNumber,
  setSize,
  stringSet,
  stringsOf,
  text,
  NAME_CHARS,
  type Failure,
  type ResourceSchema,
} from "../../schema/core";
import { callerNumberFields, fallbackNumberFields, type ClidArea } from "./schema-callers";
import { permissionField } from "./schema-permission";

export { AssignType, ClidRule, ClidType } from "./schema-callers";
export { RecordDownload } from "./schema-permission";

/** Agent role (座席角色), doc 3.1.1 `role`. */
const roleCodes = codes("ClientRole", { Agent: [0, "agent", "普通座席"], Supervisor: [1, "supervisor", "班长座席"] });
export const ClientRole = roleCodes.values;
/** Agent type (座席类型), doc 3.1.1 `type`. Fixed at creation. */
const typeCodes = codes("ClientType", {
  Omnichannel: [1, "omnichannel", "全渠道"],
  CallCenter: [2, "call center", "呼叫中心"],
  OnlineChat: [3, "online chat", "在线客服"],
});
export const ClientType = typeCodes.values;
/** Inbound wrap-up type (呼入整理类型), update only: doc 3.1.2 update_client, `ibWrapupType`. */
const ibWrapupTypeCodes = codes("IbWrapupType", {
  Queue: [1, "queue's setting", "队列"],
  Agent: [2, "agent's setting", "座席"],
});
export const IbWrapupType = ibWrapupTypeCodes.values;

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

const describedOnlyRead = { read: false as const };

export const clientSchema: ResourceSchema = {
  type: "Client",
  list: { path: "/cc/list_clients", key: "clients", keyField: "cno" },
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
      doc: "",
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
    ...callerNumberFields,
    permission: permissionField,
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
    ...fallbackNumberFields,
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
        .array(oneOf({ 0: "off", 1: "on", 2: "undocumented (in the describe example of doc 3.1.5)" }), {
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
