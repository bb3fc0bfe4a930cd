/**
 * Doc section 3.1: agents (座席), their phones and other settings, plus 4.2.8 offline_client.
 *
 * What the real API does that a provider must survive, reproduced here on purpose:
 * - create_client echoes the password in its answer (doc 3.1.1, answer example);
 * - describe_client (doc 3.1.5) returns neither the password nor assignType,
 *   dynamicTelGroupName, clidDefault, wechatMiniProgramRtc, obClidDefaultType or
 *   dynamicTelGroupIdDefault;
 * - update_client requires `permission` (doc 3.1.2, `permission`) and has no `type`.
 */
import { createHash } from "node:crypto";
import type { ApiRequest } from "../contract";
import { decryptAgentPassword } from "./agent-password";
import { loggedOut } from "./agent-status";
import { fail, omit, page, Params, type Ctx, type EndpointModule, type Obj } from "./kernel";

const CNO = /^\d{4,11}$/;
const NAME = /^[\p{Script=Han}A-Za-z0-9_]+$/u;
const AREA = /^0\d{2,3}$/;

type IntRule = { name: string; min?: number; max?: number; oneOf?: number[]; dflt?: number };

/** Plain integer settings of create_client (doc 3.1.1, request parameters) with their defaults. */
const INTS: IntRule[] = [
  { name: "role", oneOf: [0, 1], dflt: 0 },
  { name: "active", oneOf: [0, 1], dflt: 1 },
  { name: "hiddenTel", oneOf: [0, 1], dflt: 0 },
  { name: "wrapupTime", min: 0, max: 300, dflt: 30 },
  // Doc 3.1.1 lists 0, 2, 3; the vendor SDK's CreateClientRequest also sends 1 (本地优先, local first).
  { name: "clidType", oneOf: [0, 1, 2, 3], dflt: 0 },
  { name: "clidRule", oneOf: [1, 2], dflt: 1 },
  { name: "assignType", oneOf: [0, 1], dflt: 0 },
  { name: "dynamicTelGroupId" },
  { name: "recurrentselectionType", oneOf: [1, 2] },
  { name: "recurrentselectionValue", min: 1, max: 30 },
  { name: "wechatMiniProgramRtc", oneOf: [0, 1], dflt: 0 },
  { name: "obClidDefaultType", oneOf: [0, 1], dflt: 0 },
  { name: "dynamicTelGroupIdDefault" },
  { name: "cloudNumberEnabled", oneOf: [0, 1] },
  { name: "obHangupSms", oneOf: [0, 1], dflt: 0 },
  { name: "pauseLogin", oneOf: [0, 1], dflt: 1 },
];
/** Only on update_client (doc 3.1.2). Create has no such parameters; the values a new agent starts with are not documented. */
const UPDATE_ONLY: IntRule[] = [
  { name: "ibWrapupType", oneOf: [1, 2] },
  { name: "ibWrapupTime", min: 0, max: 3600 },
];
const PERMISSION: IntRule[] = [
  { name: "asr", min: 0, max: 3, dflt: 0 },
  { name: "call", min: 0, max: 3, dflt: 1 },
  { name: "cdr", min: 1, max: 3, dflt: 1 },
  { name: "recordDownload", min: 0, max: 2, dflt: 1 },
  { name: "sms", oneOf: [0, 1], dflt: 0 },
  { name: "record", min: 0, max: 3, dflt: 3 },
  { name: "chat", min: 0, max: 2, dflt: 0 },
  { name: "transfer", oneOf: [0, 1], dflt: 1 },
  { name: "otherData", min: 1, max: 4, dflt: 2 },
  { name: "taskInventory", oneOf: [1, 3], dflt: 1 },
];
const LISTS = ["qnos", "clid", "clidDefault", "clidArea", "serveArea", "cloudNumberModes"];
const STRINGS = ["name", "areaCode", "password", "dynamicTelGroupName", "crmId"];
/**
 * Doc 3.1.1/3.1.2 `crmId` Integer, 3.1.4/3.1.5 String, the vendor SDK String: digits, sent as a
 * number or as text; kept as the text that was sent, so leading zeros ("00123") survive.
 */
const CRM_ID = /^\d{1,64}$/;

/** describe_client's fields (doc 3.1.5, answer parameters); everything else the agent has stays hidden. */
const DESCRIBED = [
  "cno",
  "name",
  "areaCode",
  "role",
  "active",
  "hiddenTel",
  "ibWrapupType",
  "ibWrapupTime",
  "wrapupTime",
  "clid",
  "clidType",
  "clidArea",
  "clidRule",
  "recurrentselectionType",
  "recurrentselectionValue",
  "permission",
  "type",
  "crmId",
  "autoInvestigation",
  "serveArea",
  "cloudNumberEnabled",
  "cloudNumberModes",
  "obHangupSms",
  "pauseLogin",
];

const clients = (ctx: Ctx) => ctx.store.table("client");
const secrets = (ctx: Ctx) => ctx.store.table("clientSecret");
const memberships = (ctx: Ctx) => ctx.store.table("membership");
const tels = (ctx: Ctx) => ctx.store.table("clientTel");
const settings = (ctx: Ctx) => ctx.store.table("clientSetting");

function qnosOf(ctx: Ctx, cno: string): string[] {
  return [...memberships(ctx).values()]
    .filter((m) => m.cno === cno)
    .map((m) => String(m.qno))
    .sort();
}

function readInts(p: Params, rules: IntRule[], withDefaults: boolean): Obj {
  const out: Obj = {};
  for (const r of rules) {
    const v = p.int(r.name, { min: r.min, max: r.max, oneOf: r.oneOf });
    if (v !== undefined) out[r.name] = v;
    else if (withDefaults && r.dflt !== undefined) out[r.name] = r.dflt;
  }
  return out;
}

function readStringList(p: Params, name: string): string[] | undefined {
  const list = p.array<unknown>(name);
  if (!list) return undefined;
  for (const v of list)
    if (typeof v !== "string" && typeof v !== "number") throw fail.invalid(`${name} 的元素必须是字符串`);
  return list.map(String);
}

/** Everything create and update share; `creating` applies defaults and the create-only rules. */
function readClient(p: Params, ctx: Ctx, req: ApiRequest, creating: boolean, current?: Obj): Obj {
  const out: Obj = {};
  const name = p.str("name", {
    required: creating,
    max: 20,
    pattern: NAME,
    what: "只允许输入中文、字母、数字、下划线",
  });
  if (name !== undefined) out.name = name;
  const areaCode = p.str("areaCode", { required: creating, pattern: AREA, what: "区号, 如 010" });
  if (areaCode !== undefined) out.areaCode = areaCode;
  const sent = p.str("password", { required: creating });
  if (sent !== undefined) {
    const password = decryptAgentPassword(sent, req.accessKeySecret, ctx.passwordEncryption);
    if ([...password].length > 32) throw fail.invalid("password 长度不能超过32");
    // Doc 3.1.1 `password`, 3.1.2 errors: ClientPassword when the password breaks the enterprise's rule.
    if ([...password].length < ctx.seed.passwordMinLength)
      throw fail.code(400, "ClientPassword", `座席密码不符合规则: 至少${ctx.seed.passwordMinLength}位`);
    out.password = password;
    out.passwordAsSent = sent;
  }
  Object.assign(out, readInts(p, INTS, creating));
  const crmId = p.str("crmId", { pattern: CRM_ID, what: "1-64位数字" });
  if (crmId !== undefined) out.crmId = crmId;
  if (!creating) Object.assign(out, readInts(p, UPDATE_ONLY, false));
  if (creating) out.type = p.int("type", { oneOf: [1, 2, 3] }) ?? 2;

  // Doc 3.1.1 and 3.1.2, `permission`: required on create and on update.
  const perm = p.object("permission", { required: true })!;
  const pp = Params.of(perm);
  const base = (current?.permission as Obj | undefined) ?? {};
  out.permission = { ...base, ...readInts(pp, PERMISSION, creating) };
  pp.rejectUnknown(PERMISSION.map((r) => r.name));

  for (const list of ["clid", "clidDefault", "serveArea"]) {
    const v = readStringList(p, list);
    if (v !== undefined) out[list] = v;
  }
  const qnos = readStringList(p, "qnos");
  if (qnos !== undefined) {
    for (const q of qnos)
      if (!ctx.store.table("queue").has(q)) throw fail.code(400, "ResourceNotFound", `队列不存在: ${q}`);
    out.qnos = [...new Set(qnos)];
  }
  const clidArea = p.array<unknown>("clidArea");
  if (clidArea !== undefined) {
    out.clidArea = clidArea.map((a) => {
      if (typeof a !== "object" || a === null) throw fail.invalid("clidArea 的元素必须是对象");
      const ap = Params.of(a as Obj);
      const item: Obj = {};
      const groupName = ap.str("areaGroupName");
      if (groupName !== undefined) item.areaGroupName = groupName;
      const groupId = ap.int("areaGroupId");
      if (groupId !== undefined) item.areaGroupId = groupId;
      const obClids = readStringList(ap, "obClids");
      if (obClids !== undefined) item.obClids = obClids;
      const at = ap.int("assignType", { oneOf: [0, 1] });
      if (at !== undefined) item.assignType = at;
      const gid = ap.int("dynamicTelGroupId");
      if (gid !== undefined) item.dynamicTelGroupId = gid;
      const gname = ap.str("dynamicTelGroupName");
      if (gname !== undefined) item.dynamicTelGroupName = gname;
      // Doc 3.1.1 clidArea 对象, `dynamicTelGroupName`: 必填 when the entry's assignType is 1.
      if (at === 1 && !gname)
        throw fail.invalid("clidArea 中 assignType 为1(动态号码组)时 dynamicTelGroupName 为必填项");
      ap.rejectUnknown([
        "areaGroupName",
        "areaGroupId",
        "obClids",
        "assignType",
        "dynamicTelGroupId",
        "dynamicTelGroupName",
      ]);
      return item;
    });
  }
  const modes = p.array<unknown>("cloudNumberModes");
  if (modes !== undefined) {
    // Doc 3.1.1 `cloudNumberModes`: four mode states (开启状态); 0 and 1 in the request example,
    // and describe's example (3.1.5) answers [0,0,0,2]: a state the server holds is one it takes.
    if (modes.length !== 4 || modes.some((m) => m !== 0 && m !== 1 && m !== 2))
      throw fail.invalid("cloudNumberModes 必须是4个0、1或2");
    out.cloudNumberModes = modes;
  }
  const dynName = p.str("dynamicTelGroupName");
  if (dynName !== undefined) out.dynamicTelGroupName = dynName;

  p.rejectUnknown([
    "cno",
    ...STRINGS,
    ...INTS.map((r) => r.name),
    ...(creating ? ["type"] : UPDATE_ONLY.map((r) => r.name)),
    "permission",
    ...LISTS,
  ]);
  return out;
}

/** The cross-field rules the document states, checked on the merged agent. */
function checkRules(ctx: Ctx, c: Obj) {
  // Doc 3.1.1 `clid`: required when clidType is not 0 (全部); an agent without one has the
  // documented default, 0 (an agent put in by the admin API may lack it).
  if ((c.clidType ?? 0) !== 0 && !(Array.isArray(c.clid) && c.clid.length > 0))
    throw fail.invalid("clidType 非0(全部)时 clid 为必填项");
  for (const n of [...((c.clid as string[]) ?? []), ...((c.clidDefault as string[]) ?? [])])
    if (!ctx.seed.clids.includes(n)) throw fail.invalid(`外显号码不存在: ${n}`);
  // Doc 3.1.1 `dynamicTelGroupName`: dynamic number group required for assignType 1.
  if (c.assignType === 1) {
    if (!c.dynamicTelGroupName) throw fail.invalid("assignType 为1(动态号码组)时 dynamicTelGroupName 为必填项");
    const exists = [...ctx.store.table("dynamicTelGroup").values()].some((g) => g.name === c.dynamicTelGroupName);
    if (!exists) throw fail.code(400, "ResourceNotFound", `动态号码组不存在: ${String(c.dynamicTelGroupName)}`);
  }
  if (c.obClidDefaultType === 1 && c.dynamicTelGroupIdDefault === undefined)
    throw fail.invalid("obClidDefaultType 为1时 dynamicTelGroupIdDefault 为必填项");
  if (
    c.dynamicTelGroupIdDefault !== undefined &&
    !ctx.store.table("dynamicTelGroup").has(String(c.dynamicTelGroupIdDefault))
  )
    throw fail.code(400, "ResourceNotFound", `动态号码组不存在: ${String(c.dynamicTelGroupIdDefault)}`);
  // Doc 3.1.1 `cloudNumberModes` note: cloud-number settings need the enterprise feature.
  if ((c.cloudNumberEnabled !== undefined || c.cloudNumberModes !== undefined) && !ctx.seed.cloudNumberEnabled)
    throw fail.invalid("企业未开启云手机外呼功能, 不能设置 cloudNumberEnabled/cloudNumberModes");
}

function setQnos(ctx: Ctx, cno: string, qnos: string[]) {
  const keep = new Set(qnos);
  for (const q of qnosOf(ctx, cno)) if (!keep.has(q)) memberships(ctx).delete(`${q}:${cno}`);
  // A new membership starts at penalty 1 (doc 3.2.1 `queueMembers`: 1 is the highest priority; qnos carries none).
  for (const q of qnos)
    if (!memberships(ctx).has(`${q}:${cno}`))
      memberships(ctx).set(`${q}:${cno}`, { key: `${q}:${cno}`, qno: q, cno, penalty: 1 });
}

function mustFind(ctx: Ctx, cno: string, status = 404): Obj {
  const c = clients(ctx).get(cno);
  if (!c) throw fail.code(status, "ResourceNotFound", "座席不存在");
  return c;
}

function boundTel(ctx: Ctx, cno: string): Obj | undefined {
  return [...tels(ctx).values()].find((t) => t.cno === cno && t.isBind === 1);
}

/** Doc 3.1.7 errors: fixed line, mobile, IP phone or softphone; anything else is ClientTelVerification. */
function telTypeOf(ctx: Ctx, tel: string): number {
  if (/^1[3-9]\d{9}$/.test(tel)) return 2;
  if (/^0\d{9,11}$/.test(tel)) return 1;
  const exten = ctx.store.table("exten").get(tel);
  if (exten) return Number(exten.type) === 2 ? 4 : 3; // exten type 2 is a softphone (doc 3.4.1 `type`)
  throw fail.code(400, "ClientTelVerification", "号码格式错误");
}

function describe(ctx: Ctx, c: Obj): Obj {
  const cno = String(c.cno);
  const out: Obj = {};
  for (const k of DESCRIBED) if (c[k] !== undefined) out[k] = c[k];
  const bound = boundTel(ctx, cno);
  const qnos = qnosOf(ctx, cno);
  return {
    ...out,
    // Doc 3.1.5's example answers crmId "" for an agent without one.
    crmId: c.crmId === undefined || c.crmId === null ? "" : String(c.crmId),
    bindTel: bound?.tel ?? "",
    reserveTel: c.reserveTel ?? "",
    telType: bound?.telType ?? null,
    status: ctx.flags.onlineAgents.has(cno) ? 1 : 0,
    qnos,
    queues: qnos.map((q) => ({
      qno: q,
      name: ctx.store.table("queue").get(q)?.name ?? q,
      penalty: memberships(ctx).get(`${q}:${cno}`)?.penalty,
    })),
  };
}

const nowSeconds = (ctx: Ctx) => Math.floor(ctx.now() / 1000);

/** What the model keeps of an agent's password: a salted fingerprint and when it was set. */
function passwordRecord(ctx: Ctx, cno: string, password: string): Obj {
  const sha256 = createHash("sha256").update(`clink-simulator:${cno}:${password}`, "utf8").digest("hex");
  return { cno, passwordSha256: sha256, passwordSetAt: ctx.now() };
}

export const clientsModule: EndpointModule = {
  kinds: {
    client: { idField: "cno" },
    clientTel: { idField: "key" },
    clientSetting: { idField: "cno" },
    telVerification: { idField: "key" },
    // Password fingerprints (never the password): lets tests tell whether a password changed.
    clientSecret: { idField: "cno" },
  },
  endpoints: [
    {
      method: "POST",
      path: "/cc/create_client",
      handler(p, ctx, req) {
        const cno = p.str("cno", { required: true, pattern: CNO, what: "4-11位数字" })!;
        const input = readClient(p, ctx, req, true);
        if (clients(ctx).has(cno)) throw fail.code(400, "ClientExist", "座席号已经存在");
        const { qnos, password, passwordAsSent, ...rest } = input;
        const c: Obj = {
          id: ctx.store.nextId("client"),
          cno,
          ...rest,
          ibWrapupType: 1,
          ibWrapupTime: 0,
          autoInvestigation: 1,
          createTime: nowSeconds(ctx),
          updateTime: nowSeconds(ctx),
        };
        checkRules(ctx, c);
        clients(ctx).set(cno, c);
        // The password is kept apart from the agent, as a fingerprint only: no endpoint and no
        // admin view ever shows it, and tests can still tell whether it changed.
        secrets(ctx).set(cno, passwordRecord(ctx, cno, String(password)));
        setQnos(ctx, cno, (qnos as string[] | undefined) ?? []);
        const echo = omit(c, ["id", "createTime", "updateTime", "ibWrapupType", "ibWrapupTime", "autoInvestigation"]);
        // Doc 3.1.1 example: the answer echoes the password as sent.
        return { client: { ...echo, password: passwordAsSent, qnos: qnosOf(ctx, cno), crmId: c.crmId ?? null } };
      },
    },
    {
      method: "POST",
      path: "/cc/update_client",
      handler(p, ctx, req) {
        const cno = p.str("cno", { required: true, pattern: CNO, what: "4-11位数字" })!;
        const current = clients(ctx).get(cno);
        const input = readClient(p, ctx, req, false, current);
        const c = mustFind(ctx, cno);
        const { qnos, password, passwordAsSent: _sent, ...rest } = input;
        const next = { ...c, ...rest, updateTime: nowSeconds(ctx) };
        checkRules(ctx, next);
        Object.assign(c, next);
        if (password !== undefined) secrets(ctx).set(cno, passwordRecord(ctx, cno, String(password)));
        if (qnos !== undefined) setQnos(ctx, cno, qnos as string[]);
        const echo = omit(c, ["id", "createTime", "updateTime", "autoInvestigation"]);
        return { client: { ...echo, qnos: qnosOf(ctx, cno) } };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_client",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        mustFind(ctx, cno); // doc 3.1.3 delete_client, error ResourceNotFound: 404
        if (ctx.flags.onlineAgents.has(cno)) throw fail.code(400, "ClientOnline", "座席在线中");
        setQnos(ctx, cno, []);
        for (const [k, t] of tels(ctx)) if (t.cno === cno) tels(ctx).delete(k);
        settings(ctx).delete(cno);
        secrets(ctx).delete(cno);
        clients(ctx).delete(cno);
        return { cno };
      },
    },
    {
      method: "GET",
      path: "/cc/list_clients",
      handler(p, ctx) {
        const qno = p.str("qno");
        const active = p.int("active", { oneOf: [0, 1] });
        const clid = p.str("clid");
        const bindTel = p.str("bindTel");
        const range = (name: string) => p.int(name, { min: 0 });
        const [st, et, ust, uet] = ["startTime", "endTime", "updateStartTime", "updateEndTime"].map(range);
        // Strict: a queue that does not exist is 队列不存在 (doc 3.2.7's wording), not an empty list.
        fail.strictlyNotFound(ctx, qno !== undefined && !ctx.store.table("queue").has(qno), "队列不存在");
        let all = [...clients(ctx).values()].sort((a, b) => Number(a.id) - Number(b.id));
        if (qno !== undefined) all = all.filter((c) => memberships(ctx).has(`${qno}:${String(c.cno)}`));
        if (active !== undefined) all = all.filter((c) => c.active === active);
        if (clid !== undefined) all = all.filter((c) => ((c.clid as string[]) ?? []).includes(clid));
        if (bindTel !== undefined) all = all.filter((c) => boundTel(ctx, String(c.cno))?.tel === bindTel);
        if (st !== undefined) all = all.filter((c) => Number(c.createTime) >= st);
        if (et !== undefined) all = all.filter((c) => Number(c.createTime) <= et);
        if (ust !== undefined) all = all.filter((c) => Number(c.updateTime) >= ust);
        if (uet !== undefined) all = all.filter((c) => Number(c.updateTime) <= uet);
        const { slice, ...paging } = page(p, all);
        p.rejectUnknown([
          "qno",
          "active",
          "clid",
          "bindTel",
          "startTime",
          "endTime",
          "updateStartTime",
          "updateEndTime",
          "offset",
          "limit",
        ]);
        return {
          clients: slice.map((c) => {
            const cno = String(c.cno);
            return {
              id: c.id,
              cno,
              name: c.name,
              areaCode: c.areaCode,
              role: c.role,
              bindTel: boundTel(ctx, cno)?.tel ?? "",
              active: c.active,
              status: ctx.flags.onlineAgents.has(cno) ? 1 : 0,
              hiddenTel: c.hiddenTel,
              type: c.type,
              createTime: c.createTime,
              updateTime: c.updateTime,
              crmId: c.crmId === undefined ? "" : String(c.crmId),
              qnos: qnosOf(ctx, cno),
            };
          }),
          ...paging,
        };
      },
    },
    {
      method: "GET",
      path: "/cc/describe_client",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        return { client: describe(ctx, mustFind(ctx, cno)) };
      },
    },
    {
      method: "GET",
      path: "/cc/describe_client_ob_clid",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        const c = mustFind(ctx, cno);
        const out: Obj = {};
        for (const k of [
          "clid",
          "clidType",
          "clidArea",
          "clidRule",
          "recurrentselectionType",
          "recurrentselectionValue",
        ])
          if (c[k] !== undefined) out[k] = c[k];
        return { clientObClid: out };
      },
    },
    {
      method: "POST",
      path: "/cc/bind_client_tel",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        const tel = p.str("tel", { required: true })!;
        const isBind = p.int("isBind", { oneOf: [0, 1] }) ?? 1;
        const isReserveTel = p.int("isReserveTel", { oneOf: [0, 1] }) ?? 0;
        p.rejectUnknown(["cno", "tel", "isBind", "isReserveTel"]);
        const c = mustFind(ctx, cno);
        const telType = telTypeOf(ctx, tel);
        const key = `${cno}:${tel}`;
        const verified =
          tels(ctx).get(key)?.verified === true || ctx.store.table("telVerification").get(key)?.confirmed === true;
        if (ctx.seed.telVerification && (telType === 1 || telType === 2) && !verified)
          throw fail.code(400, "ClientTelVerification", "号码需要认证");
        if (isBind === 1) {
          if (ctx.flags.onlineAgents.has(cno)) throw fail.code(400, "ClientOnline", "设备正忙,不可变更绑定号码");
          const other = [...tels(ctx).values()].find((t) => t.tel === tel && t.isBind === 1 && t.cno !== cno);
          if (other) throw fail.code(400, "ClientTelIsBind", "绑定失败,该电话已经被其他座席绑定");
          for (const t of tels(ctx).values()) if (t.cno === cno) t.isBind = 0;
        }
        const prev = tels(ctx).get(key);
        tels(ctx).set(key, { key, cno, tel, telType, isBind: isBind === 1 ? 1 : (prev?.isBind ?? 0), verified });
        // Doc 3.1.7 `isReserveTel`: the reserve-phone sync applies only to mobiles.
        if (isReserveTel === 1 && telType === 2) c.reserveTel = tel;
        return {};
      },
    },
    {
      method: "POST",
      path: "/cc/unbind_client_tel",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        mustFind(ctx, cno);
        // Doc 3.1.8, error ClientOnline: it comes back with HTTP 404 here, as documented.
        if (ctx.flags.onlineAgents.has(cno)) throw fail.code(404, "ClientOnline", "座席在线不可解绑");
        for (const t of tels(ctx).values()) if (t.cno === cno) t.isBind = 0;
        return {};
      },
    },
    {
      method: "POST",
      path: "/cc/delete_client_tel",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        const tel = p.str("tel", { required: true })!;
        p.rejectUnknown(["cno", "tel"]);
        mustFind(ctx, cno, 400);
        const t = tels(ctx).get(`${cno}:${tel}`);
        if (!t) throw fail.code(400, "ResourceNotFound", "号码不存在");
        if (t.isBind === 1) throw fail.code(400, "ClientTelIsBind", "号码被绑定");
        tels(ctx).delete(`${cno}:${tel}`);
        return {};
      },
    },
    {
      method: "GET",
      path: "/cc/list_client_tels",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        const telType = p.int("telType", { min: 1, max: 4 });
        p.rejectUnknown(["cno", "telType"]);
        // Doc 3.1.10 gives only the general codes; strict: an unknown agent is 座席不存在, as 3.1.5.
        fail.strictlyNotFound(ctx, !clients(ctx).has(cno), "座席不存在");
        const list = [...tels(ctx).values()]
          .filter((t) => t.cno === cno && (telType === undefined || t.telType === telType))
          .map((t) => ({ tel: t.tel, telType: t.telType, isBind: t.isBind }));
        return { clientTels: list };
      },
    },
    {
      method: "GET",
      path: "/cc/bind_client_tel_verification",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        const tel = p.str("tel", { required: true })!;
        p.rejectUnknown(["cno", "tel"]);
        mustFind(ctx, cno, 400);
        const type = telTypeOf(ctx, tel);
        if (type !== 1 && type !== 2) throw fail.code(400, "ClientTelVerification", "号码格式错误");
        const key = `${cno}:${tel}`;
        if (ctx.store.table("telVerification").get(key)?.confirmed)
          throw fail.code(400, "ClientTelVerification", "号码已经被认证");
        // The code a real phone would receive; readable through the admin API (kind telVerification).
        const code = String(1000 + Math.floor(Math.random() * 9000));
        ctx.store.table("telVerification").set(key, { key, cno, tel, code, confirmed: false, sentAt: ctx.now() });
        return {};
      },
    },
    {
      method: "POST",
      path: "/cc/bind_client_tel_confirmed",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        const tel = p.str("tel", { required: true })!;
        const code = p.str("verificationCode", { required: true })!;
        p.rejectUnknown(["cno", "tel", "verificationCode"]);
        mustFind(ctx, cno, 400);
        const v = ctx.store.table("telVerification").get(`${cno}:${tel}`);
        if (v?.confirmed) throw fail.code(400, "ClientTelVerification", "号码已经被认证");
        // Doc 3.1.12, error ClientTelErrorCode: a wrong or expired code (we let codes live 5 minutes).
        if (!v || v.code !== code || ctx.now() - Number(v.sentAt) > 300_000)
          throw fail.code(400, "ClientTelErrorCode", "验证码错误");
        v.confirmed = true;
        return {};
      },
    },
    {
      method: "POST",
      path: "/cc/other_setting",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        // Doc 3.1.13 `agcRx`, `agcTx` (error InvalidParameter): both gains are required, 0-100.
        const agcRx = p.int("agcRx", { required: true, min: 0, max: 100 })!;
        const agcTx = p.int("agcTx", { required: true, min: 0, max: 100 })!;
        p.rejectUnknown(["cno", "agcRx", "agcTx"]);
        mustFind(ctx, cno);
        const s = { cno, agcRx, agcTx };
        settings(ctx).set(cno, s);
        return { otherSettings: s };
      },
    },
    {
      method: "GET",
      path: "/cc/list_other_setting",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        mustFind(ctx, cno);
        // Never-set gains are not documented; the simulator answers 50/50 (see simulator/README.md).
        return { otherSettings: settings(ctx).get(cno) ?? { cno, agcRx: 50, agcTx: 50 } };
      },
    },
    {
      method: "POST",
      path: "/cc/offline_client",
      handler(p, ctx) {
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        // Doc 4.2.8 offline_client, error OfflineFailure: with the reason. Strict: an unknown
        // agent is the general ResourceNotFound (doc 2.4.1) instead.
        fail.strictlyNotFound(ctx, !clients(ctx).has(cno), "座席不存在");
        if (!clients(ctx).has(cno)) throw fail.code(400, "OfflineFailure", "座席不存在");
        if (!ctx.flags.onlineAgents.has(cno)) throw fail.code(400, "OfflineFailure", "座席未登录");
        // The document names no refusal for an agent on a call: the call is cut (counted, doc 7.1).
        loggedOut(ctx, cno, true);
        ctx.flags.onlineAgents.delete(cno);
        return {};
      },
    },
  ],
};
