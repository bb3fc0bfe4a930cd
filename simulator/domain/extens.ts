/**
 * Doc section 3.4: phones (话机). Passwords are never readable (3.4.1 notes): describe answers
 * `****`. A registered phone cannot change type (3.4.2 notes); a phone an agent has bound cannot
 * be deleted (3.4.3 delete_exten, error ExtenOnUsing).
 */
import { createHash } from "node:crypto";
import { fail, omit, type Ctx, type EndpointModule, type Obj, type Params } from "./kernel";

const NUMBER = /^\d{3,6}$/;
const AREA = /^0\d{2,3}$/;
/** Doc 3.4.1 `allow`: codecs each phone type supports. */
const CODECS: Record<number, number[]> = { 1: [1, 2, 3, 4, 5], 2: [5, 6] };

const extens = (ctx: Ctx) => ctx.store.table("exten");
const secrets = (ctx: Ctx) => ctx.store.table("extenSecret");

/** What the model keeps of a phone's password: a salted fingerprint and when it was set, never the text. */
function passwordRecord(ctx: Ctx, extenNumber: string, password: string): Obj {
  const sha256 = createHash("sha256").update(`clink-simulator:exten:${extenNumber}:${password}`, "utf8").digest("hex");
  return { extenNumber, passwordSha256: sha256, passwordSetAt: ctx.now() };
}

function readPassword(p: Params, ctx: Ctx, required: boolean) {
  const pw = p.str("password", { required, max: 32 });
  if (pw !== undefined && [...pw].length < ctx.seed.extenPasswordMinLength)
    throw fail.invalid(`password 不符合企业密码规则: 至少${ctx.seed.extenPasswordMinLength}位`);
  return pw;
}

function check(e: Obj) {
  const type = Number(e.type);
  const codecs = CODECS[type];
  if (!codecs) throw fail.invalid("type 取值 1(IP话机) 或 2(软电话)");
  if (!codecs.includes(Number(e.allow)))
    throw fail.invalid(`allow ${String(e.allow)} 不适用于${type === 1 ? "IP话机(1-5)" : "软电话(5、6)"}`);
  // Doc 3.4.1 `isDirect`: calling out directly is an IP-phone feature.
  if (e.isDirect === 1 && type !== 1) throw fail.invalid("isDirect 仅适用于IP话机");
}

function view(e: Obj): Obj {
  return {
    extenNumber: e.extenNumber,
    password: "****",
    areaCode: e.areaCode,
    type: e.type,
    allow: e.allow,
    isDirect: e.isDirect,
    jittBuffer: e.jittBuffer,
  };
}

function mustFind(ctx: Ctx, n: string): Obj {
  const e = extens(ctx).get(n);
  if (!e) throw fail.code(404, "ResourceNotFound", "话机不存在");
  return e;
}

export const extensModule: EndpointModule = {
  // extenSecret: password fingerprints (never the password), for tests to tell a change.
  kinds: { exten: { idField: "extenNumber" }, extenSecret: { idField: "extenNumber" } },
  endpoints: [
    {
      method: "POST",
      path: "/cc/create_exten",
      handler(p, ctx) {
        const extenNumber = p.str("extenNumber", { required: true, pattern: NUMBER, what: "3-6位数字" })!;
        const password = readPassword(p, ctx, true)!;
        const areaCode = p.str("areaCode", { required: true, pattern: AREA, what: "以0开头3-4位数字" })!;
        const type = p.int("type", { required: true, oneOf: [1, 2] })!;
        const jittBuffer = p.int("jittBuffer", { oneOf: [0, 1] }) ?? 0;
        // Doc 3.4.1 `jittBuffer`: with the jitter buffer on, the codec defaults to 5.
        const allow = p.int("allow", { required: jittBuffer !== 1, min: 1, max: 6 }) ?? 5;
        const isDirect = p.int("isDirect", { oneOf: [0, 1] }) ?? 0;
        p.rejectUnknown(["extenNumber", "password", "areaCode", "type", "allow", "isDirect", "jittBuffer"]);
        const e: Obj = { extenNumber, areaCode, type, allow, isDirect, jittBuffer };
        check(e);
        if (extens(ctx).has(extenNumber)) throw fail.code(400, "ParameterConflict", "话机号码重复");
        if (extens(ctx).size >= ctx.seed.extenLimit) throw fail.code(400, "UpperLimit", "企业可添加话机数已达上限");
        extens(ctx).set(extenNumber, e);
        secrets(ctx).set(extenNumber, passwordRecord(ctx, extenNumber, password));
        return { exten: view(e) };
      },
    },
    {
      method: "POST",
      path: "/cc/update_exten",
      handler(p, ctx) {
        const extenNumber = p.str("extenNumber", { required: true, pattern: NUMBER, what: "3-6位数字" })!;
        const password = readPassword(p, ctx, false);
        const areaCode = p.str("areaCode", { pattern: AREA, what: "以0开头3-4位数字" });
        const type = p.int("type", { oneOf: [1, 2] });
        const allow = p.int("allow", { min: 1, max: 6 });
        const isDirect = p.int("isDirect", { oneOf: [0, 1] });
        const jittBuffer = p.int("jittBuffer", { oneOf: [0, 1] });
        p.rejectUnknown(["extenNumber", "password", "areaCode", "type", "allow", "isDirect", "jittBuffer"]);
        const e = mustFind(ctx, extenNumber);
        if (type !== undefined && type !== e.type && ctx.flags.registeredExtens.has(extenNumber))
          throw fail.code(400, "Registered", "话机已注册,不可修改话机类型");
        const next: Obj = { ...e };
        for (const [k, v] of Object.entries({ areaCode, type, allow, isDirect, jittBuffer }))
          if (v !== undefined) next[k] = v;
        if (jittBuffer === 1 && allow === undefined) next.allow = 5;
        check(next);
        Object.assign(e, next);
        if (password !== undefined) secrets(ctx).set(extenNumber, passwordRecord(ctx, extenNumber, password));
        return { exten: view(e) };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_exten",
      handler(p, ctx) {
        const extenNumber = p.str("extenNumber", { required: true })!;
        p.rejectUnknown(["extenNumber"]);
        mustFind(ctx, extenNumber);
        const bound = [...ctx.store.table("clientTel").values()].some((t) => t.tel === extenNumber && t.isBind === 1);
        if (bound) throw fail.code(400, "ExtenOnUsing", "话机号码正在使用");
        extens(ctx).delete(extenNumber);
        secrets(ctx).delete(extenNumber);
        ctx.flags.registeredExtens.delete(extenNumber);
        return { exten: extenNumber };
      },
    },
    {
      method: "GET",
      path: "/cc/list_extens",
      handler(p, ctx) {
        const areaCode = p.str("areaCode");
        const type = p.int("type", { oneOf: [1, 2] });
        const offset = p.int("offset", { min: 0, max: 10000 }) ?? 0;
        // Doc 3.4.4 `limit`: 10-100 here, not 1-100.
        const limit = p.int("limit", { min: 10, max: 100 }) ?? 10;
        p.rejectUnknown(["areaCode", "type", "offset", "limit"]);
        const all = [...extens(ctx).values()]
          .filter((e) => (areaCode === undefined || e.areaCode === areaCode) && (type === undefined || e.type === type))
          .sort((a, b) => String(a.extenNumber).localeCompare(String(b.extenNumber)));
        return {
          extens: all.slice(offset, offset + limit).map((e) => omit(view(e), ["password"])),
          pageNumber: Math.floor(offset / limit) + 1,
          pageSize: limit,
          totalCount: all.length,
        };
      },
    },
    {
      method: "GET",
      path: "/cc/describe_exten",
      handler(p, ctx) {
        const extenNumber = p.str("extenNumber", { required: true })!;
        p.rejectUnknown(["extenNumber"]);
        return { exten: view(mustFind(ctx, extenNumber)) };
      },
    },
  ],
};
