/**
 * clink.Client (座席, an agent): doc 3.1.1 create_client, 3.1.2 update_client, 3.1.3
 * delete_client, 3.1.5 describe_client, 3.1.13/3.1.14 other_setting, 4.2.8 offline_client.
 * Id: the agent number (cno). Fields and their rules: schema/client.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClinkApiError, type ClinkClient } from "../api";
import { clientSchema } from "../../schema/client";
import type { Inputs } from "../../schema/ops";
import { makeProvider, readOrGone } from "./kit";
import { logOut, rememberForcedAgent } from "./force-offline";
import { claimMemberships } from "./ownership";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

export { ClientRole, ClientType, ClidType, ClidRule, AssignType, IbWrapupType } from "../../schema/client";

export async function describeClient(api: ClinkClient, cno: string): Promise<Inputs | undefined> {
  // An unknown cno is ResourceNotFound (doc 3.1.3 delete_client, error ResourceNotFound; describe's
  // own table only lists ClientExist).
  const answer = await readOrGone(() =>
    api.request<{ client?: Inputs }>("GET", "/cc/describe_client", { query: { cno } }),
  );
  const client = answer?.client;
  if (!client) return undefined;
  // The gains live on their own endpoint (3.1.14): merged in so refresh sees them drift too.
  const other = await api.request<{ otherSettings?: { agcRx?: number; agcTx?: number } }>(
    "GET",
    "/cc/list_other_setting",
    { query: { cno } },
  );
  return { ...client, agcRx: other.otherSettings?.agcRx, agcTx: other.otherSettings?.agcTx };
}

/** Doc 3.1.1/3.1.2 `password` travels AES-encrypted (provider/api/password-encryption.ts). */
function withTransportPassword(api: ClinkClient, body: Inputs): Inputs {
  return typeof body.password === "string" ? { ...body, password: api.agentPassword(body.password) } : body;
}

/** other_setting takes both gains at once (doc 3.1.13, error InvalidParameter); sent only when declared. */
async function writeGains(api: ClinkClient, cno: string, inputs: Inputs): Promise<void> {
  if (inputs.agcRx === undefined || inputs.agcTx === undefined) return;
  await api.request("POST", "/cc/other_setting", {
    body: { cno, agcRx: inputs.agcRx, agcTx: inputs.agcTx },
    idempotent: true,
  });
}

export const clientProvider = makeProvider({
  schema: clientSchema,
  api: {
    async create(api, body, inputs) {
      const answer = await api.request<{ client?: Inputs }>("POST", "/cc/create_client", {
        body: withTransportPassword(api, body),
      });
      await writeGains(api, String(inputs.cno), inputs);
      // The answer echoes the password (doc 3.1.1 answer example): never let it reach outputs or logs.
      if (answer.client) delete answer.client.password;
      return answer.client;
    },
    read: (api, id) => describeClient(api, id),
    async update(api, id, body, news) {
      const answer = await api.request<{ client?: Inputs }>("POST", "/cc/update_client", {
        body: withTransportPassword(api, body),
        idempotent: true,
      });
      await writeGains(api, id, news);
      if (answer.client) delete answer.client.password;
      return answer.client;
    },
    async delete(api, id, state) {
      try {
        await api.request("POST", "/cc/delete_client", { body: { cno: id }, idempotent: true });
      } catch (err) {
        if (!(err instanceof ClinkApiError && err.code === "ClientOnline" && state.forceOfflineOnDelete === true))
          throw err;
        // Opted in: log the agent out (4.2.8), then delete.
        await logOut(api, id);
        await api.request("POST", "/cc/delete_client", { body: { cno: id }, idempotent: true });
      }
    },
    existsCodes: ["ClientExist"],
    hints: {
      ClientOnline:
        "The agent is logged in (doc 3.1.3 delete_client, error ClientOnline). Log the agent out, or set " +
        "`forceOfflineOnDelete: true` on the resource to have the deployment log them out first, then run it again.",
      ClientPassword:
        "The server refused the password: either it breaks the enterprise's password rule (系统管理 > 安全设置; default length 8, doc 3.1.1 `password`) " +
        "and a password that meets it is needed, or the server could not decrypt it: agent passwords travel AES-encrypted under the access key secret " +
        "(clink:passwordEncryption, default `aes`; set `none` only for a tenant that expects plain text).",
    },
  },
});

export interface PermissionArgs {
  /** Speech-to-text (语音转写): 0 off, 1 inbound, 2 outbound, 3 all. @default 0 */
  asr?: pulumi.Input<number>;
  /** Outbound calling (外呼权限): 0 off, 1 unrestricted, 2 domestic long distance, 3 domestic local. @default 1 */
  call?: pulumi.Input<number>;
  /** Call records visible (通话记录查看权限): 1 all, 2 own queues, 3 own. @default 1 */
  cdr?: pulumi.Input<number>;
  /** Recording playback/download (录音试听下载权限): 0 off, 1 listen and download, 2 listen (create's reading; describe's table says the reverse). @default 1 */
  recordDownload?: pulumi.Input<number>;
  /** Sending SMS (短信发送权限): 0 off, 1 on. @default 0 */
  sms?: pulumi.Input<number>;
  /** Call recording (通话录音权限): 0 off, 1 inbound, 2 outbound, 3 all. @default 3 */
  record?: pulumi.Input<number>;
  /** Chat history visible (在线客服查看会话记录权限): 0 all, 1 own queues, 2 own. @default 0 */
  chat?: pulumi.Input<number>;
  /** Transfer/consult targets (通话转移/咨询权限): 0 all, 1 own staff group. @default 1 */
  transfer?: pulumi.Input<number>;
  /** Other data visible (其他数据查看权限): 1 all, 2 own staff group, 3 own, 4 chosen groups. @default 2 */
  otherData?: pulumi.Input<number>;
  /** Outbound tasks visible (外呼任务查看权限): 1 all, 3 own. @default 1 */
  taskInventory?: pulumi.Input<number>;
}

export interface ClidAreaArgs {
  /** Area group name (地区组名称). Each at most once. */
  areaGroupName: pulumi.Input<string>;
  /** Caller numbers for the area (外显号码), a set. */
  obClids?: pulumi.Input<pulumi.Input<string>[]>;
  /** Number source (号码类型): 0 numbers, 1 dynamic group. */
  assignType?: pulumi.Input<number>;
  /** Dynamic number group name when assignType is 1. */
  dynamicTelGroupName?: pulumi.Input<string>;
  /** @deprecated by the vendor (字段废弃). */
  areaGroupId?: pulumi.Input<number>;
  /** @deprecated by the vendor (字段废弃): use dynamicTelGroupName. */
  dynamicTelGroupId?: pulumi.Input<number>;
}

export interface ClientArgs {
  /** Agent number (座席工号): 4-11 digits as a string ("1001"). Changing it replaces the agent. */
  cno: pulumi.Input<string>;
  /** Agent name (座席名称): Chinese characters, letters, digits, underscores; at most 20. */
  name: pulumi.Input<string>;
  /** Area code (所属区号), e.g. "010". */
  areaCode: pulumi.Input<string>;
  /**
   * Password (座席密码). Always stored as a Pulumi secret (`config.requireSecret` recommended); sent
   * AES-encrypted. Required to create an agent; with `adopt: true` optional: the adopted agent
   * keeps its own password unless one is declared.
   */
  password?: pulumi.Input<string>;
  /** Role (座席角色): `ClientRole.Agent` (0) or `.Supervisor` (1). @default 0 */
  role?: pulumi.Input<number>;
  /** Enabled (启用状态): 0 or 1. @default 1 */
  active?: pulumi.Input<number>;
  /** Queues the agent is in (所属队列), a set. Undeclared: left alone. See docs/membership.md. */
  qnos?: pulumi.Input<pulumi.Input<string>[]>;
  /** Number hiding (号码隐藏类型): 0 none, 1 as the enterprise setting. @default 0 */
  hiddenTel?: pulumi.Input<number>;
  /** Wrap-up after outbound calls (整理时长), seconds 0-300. @default 30 */
  wrapupTime?: pulumi.Input<number>;
  /** Inbound wrap-up type (呼入整理类型): `IbWrapupType.Queue` (1) or `.Agent` (2). Update-only in the API. */
  ibWrapupType?: pulumi.Input<number>;
  /** Inbound wrap-up time (呼入整理时长), seconds 0-3600. Update-only in the API. */
  ibWrapupTime?: pulumi.Input<number>;
  /** CRM id (CRM 编号). */
  crmId?: pulumi.Input<number>;
  /** Caller-number type (外显号码类型): `ClidType` 0, 2, 3. @default 0 */
  clidType?: pulumi.Input<number>;
  /** Caller-number rule (外显规则): see `ClidRule`. @default 1 */
  clidRule?: pulumi.Input<number>;
  /** Number source (号码类型): `AssignType.Numbers` (0) or `.DynamicGroup` (1). @default 0 */
  assignType?: pulumi.Input<number>;
  /** @deprecated by the vendor (字段废弃): use dynamicTelGroupName. */
  dynamicTelGroupId?: pulumi.Input<number>;
  /** Dynamic number group name (动态号码组名称), required when assignType is 1. */
  dynamicTelGroupName?: pulumi.Input<string>;
  /** Caller numbers (可外显号码), a set; required when clidType is not 0. */
  clid?: pulumi.Input<pulumi.Input<string>[]>;
  /** Fallback caller numbers (缺省外显号码) for clidType 3 with clidRule 1. */
  clidDefault?: pulumi.Input<pulumi.Input<string>[]>;
  /** Caller numbers by area (按地区外显配置) for clidType 3 with clidRule 2. */
  clidArea?: pulumi.Input<pulumi.Input<ClidAreaArgs>[]>;
  /** Round-robin period (轮选方式): 1 by day, 2 by call. */
  recurrentselectionType?: pulumi.Input<number>;
  /** Round-robin interval (轮选值), 1-30. */
  recurrentselectionValue?: pulumi.Input<number>;
  /** Permissions (permission 对象); undeclared keys take their defaults. */
  permission?: pulumi.Input<PermissionArgs>;
  /** Agent type (座席类型): `ClientType` 1, 2, 3. Changing it replaces the agent. @default 2 */
  type?: pulumi.Input<number>;
  /** WeChat mini-program RTC (微信小程序RTC开关): 0 or 1. @default 0 */
  wechatMiniProgramRtc?: pulumi.Input<number>;
  /** Fallback number type (缺省号码类型): 0 number, 1 dynamic group. @default 0 */
  obClidDefaultType?: pulumi.Input<number>;
  /** Fallback dynamic number group id, required when obClidDefaultType is 1. */
  dynamicTelGroupIdDefault?: pulumi.Input<number>;
  /** Areas served (座席服务地区), a set of area codes. */
  serveArea?: pulumi.Input<pulumi.Input<string>[]>;
  /** Cloud-number calling (云号码外呼开关): 0 or 1; needs the enterprise feature. */
  cloudNumberEnabled?: pulumi.Input<number>;
  /** Cloud-number modes: four 0/1 switches [SIM card, work card, callback, RTC]. */
  cloudNumberModes?: pulumi.Input<pulumi.Input<number>[]>;
  /** SMS after outbound hang-up (外呼挂机短信开关): 0 or 1. */
  obHangupSms?: pulumi.Input<number>;
  /** May log in paused (是否可置忙登录): 0 or 1. @default 1 */
  pauseLogin?: pulumi.Input<number>;
  /** Input gain (输入增益) 0-100; declare with agcTx. */
  agcRx?: pulumi.Input<number>;
  /** Output gain (输出增益) 0-100; declare with agcRx. */
  agcTx?: pulumi.Input<number>;
  /** Take over an agent that already exists with this cno instead of failing with ClientExist. */
  adopt?: pulumi.Input<boolean>;
  /** On delete, log the agent out first when logged in (4.2.8). @default false */
  forceOfflineOnDelete?: pulumi.Input<boolean>;
}

export class Client extends pulumi.dynamic.Resource {
  declare readonly cno: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly areaCode: pulumi.Output<string>;
  /** Always undefined: a password is write-only and never kept in outputs (only a secret fingerprint). */
  declare readonly password: pulumi.Output<undefined>;
  declare readonly role: pulumi.Output<number>;
  declare readonly active: pulumi.Output<number>;
  declare readonly qnos: pulumi.Output<string[] | undefined>;
  declare readonly hiddenTel: pulumi.Output<number>;
  declare readonly wrapupTime: pulumi.Output<number>;
  declare readonly ibWrapupType: pulumi.Output<number | undefined>;
  declare readonly ibWrapupTime: pulumi.Output<number | undefined>;
  declare readonly crmId: pulumi.Output<number | undefined>;
  declare readonly clidType: pulumi.Output<number>;
  declare readonly clidRule: pulumi.Output<number>;
  declare readonly assignType: pulumi.Output<number>;
  declare readonly dynamicTelGroupName: pulumi.Output<string | undefined>;
  declare readonly clid: pulumi.Output<string[] | undefined>;
  declare readonly clidDefault: pulumi.Output<string[] | undefined>;
  declare readonly clidArea: pulumi.Output<ClidAreaArgs[] | undefined>;
  declare readonly recurrentselectionType: pulumi.Output<number | undefined>;
  declare readonly recurrentselectionValue: pulumi.Output<number | undefined>;
  declare readonly permission: pulumi.Output<Required<{ [K in keyof PermissionArgs]: number }>>;
  declare readonly type: pulumi.Output<number>;
  declare readonly wechatMiniProgramRtc: pulumi.Output<number>;
  declare readonly obClidDefaultType: pulumi.Output<number>;
  declare readonly dynamicTelGroupIdDefault: pulumi.Output<number | undefined>;
  declare readonly serveArea: pulumi.Output<string[] | undefined>;
  declare readonly cloudNumberEnabled: pulumi.Output<number | undefined>;
  declare readonly cloudNumberModes: pulumi.Output<number[] | undefined>;
  declare readonly obHangupSms: pulumi.Output<number | undefined>;
  declare readonly pauseLogin: pulumi.Output<number>;
  declare readonly agcRx: pulumi.Output<number | undefined>;
  declare readonly agcTx: pulumi.Output<number | undefined>;
  /** Login state: 0 offline, 1 online (as of the last create/update/refresh). */
  declare readonly status: pulumi.Output<number | undefined>;
  declare readonly bindTel: pulumi.Output<string | undefined>;
  declare readonly telType: pulumi.Output<number | undefined>;
  declare readonly autoInvestigation: pulumi.Output<number | undefined>;
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: ClientArgs, opts?: pulumi.CustomResourceOptions) {
    const conflict =
      args.qnos !== undefined && !opts?.id ? claimMemberships(`clink.Client "${name}"`, args.qnos) : undefined;
    super(
      serializableProvider("client"),
      name,
      resourceProps(clientSchema, args, conflict, opts?.id ? undefined : `clink.Client "${name}"`, opts),
      resourceOptions(clientSchema, opts),
      "clink",
      "Client",
    );
    rememberForcedAgent(this.cno, args.cno, args.forceOfflineOnDelete);
  }

  /** Reads an existing agent by cno without managing it (refresh keeps it current). */
  static get(name: string, cno: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Client {
    return new Client(name, {} as ClientArgs, { ...opts, id: cno });
  }
}
