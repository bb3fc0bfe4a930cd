/**
 * Doc section 3.7: black and white lists (黑白名单) and the switch that turns them on.
 *
 * Quirks kept on purpose: the list answers under `restrictTels` although the table says `list`
 * (3.7.1's answer table vs its example); offset and limit are required there (3.7.1 `offset`,
 * `limit`); delete names an entry by list and number only (3.7.3 `restrictType`, `tel`), so it
 * removes the number in both directions.
 */
import { fail, type Ctx, type EndpointModule, type Obj } from "./kernel";

const entries = (ctx: Ctx) => ctx.store.table("restrictTel");
const settings = (ctx: Ctx) => ctx.store.table("restrictTelSetting");

/** Doc 3.7.1/3.7.2 `telType`: 1 a phone number, 2 an area code, 3 the literal unknown number. */
function checkTel(tel: string, telType: number) {
  const ok =
    telType === 1
      ? /^(1\d{10}|0\d{9,11}|\d{3,12})$/.test(tel)
      : telType === 2
        ? /^0\d{2,3}$/.test(tel)
        : tel === "未知号码";
  if (!ok)
    throw fail.invalid(
      telType === 1
        ? `tel 不是电话号码: ${tel}`
        : telType === 2
          ? `tel 不是城市区号: ${tel}`
          : 'telType 为3时 tel 必须是"未知号码"',
    );
}

/**
 * "yyyy-MM-dd" -> ms. The create example (3.7.2, `expirationTime`) turns 2022-05-11 into
 * 1652227200000, which is midnight UTC of that day; the list example (3.7.1) shows 1662911999000,
 * 23:59:59 China time. We follow the create example; both fall on the same Asia/Shanghai calendar date.
 */
function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw fail.invalid(`expirationTime 格式为 yyyy-MM-dd: ${s}`);
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s)
    throw fail.invalid(`expirationTime 不是有效日期: ${s}`);
  return t;
}

export const restrictModule: EndpointModule = {
  kinds: { restrictTel: { idField: "key" }, restrictTelSetting: { idField: "key" } },
  endpoints: [
    {
      method: "GET",
      path: "/cc/list_restrict_tel",
      handler(p, ctx) {
        const restrictType = p.int("restrictType", { required: true, oneOf: [1, 2] })!;
        const type = p.int("type", { oneOf: [1, 2] });
        const tel = p.str("tel");
        const telType = p.int("telType", { oneOf: [1, 2, 3] });
        const description = p.str("description");
        const expirationFlag = p.int("expirationFlag", { oneOf: [0, 1] });
        const offset = p.int("offset", { required: true, min: 0, max: 10000 })!;
        const limit = p.int("limit", { required: true, min: 1, max: 100 })!;
        p.rejectUnknown(["restrictType", "type", "tel", "telType", "description", "expirationFlag", "offset", "limit"]);
        const now = ctx.now();
        const expired = (e: Obj) => e.expirationTime !== null && Number(e.expirationTime) + 86_400_000 <= now;
        const all = [...entries(ctx).values()]
          .filter((e) => e.restrictType === restrictType)
          .filter((e) => type === undefined || e.type === type)
          .filter((e) => tel === undefined || e.tel === tel)
          .filter((e) => telType === undefined || e.telType === telType)
          .filter((e) => description === undefined || String(e.description ?? "").includes(description))
          .filter((e) => expirationFlag === undefined || expired(e) === (expirationFlag === 1))
          .sort((a, b) => Number(a.seq) - Number(b.seq));
        // Strict: a number asked for by `tel` that is not on the list is not found (doc 2.4.1).
        fail.strictlyNotFound(ctx, tel !== undefined && all.length === 0);
        return {
          restrictTels: all.slice(offset, offset + limit).map((e) => {
            const out: Obj = {
              restrictType: e.restrictType,
              type: e.type,
              tel: e.tel,
              telType: e.telType,
              description: e.description,
              createTime: e.createTime,
              expirationTime: e.expirationTime,
            };
            if (e.telEncrypt !== undefined) out.telEncrypt = e.telEncrypt;
            return out;
          }),
          pageNumber: Math.floor(offset / limit) + 1,
          pageSize: limit,
          totalCount: all.length,
        };
      },
    },
    {
      method: "POST",
      path: "/cc/create_restrict_tel",
      handler(p, ctx) {
        const type = p.int("type", { required: true, oneOf: [1, 2] })!;
        const telType = p.int("telType", { required: true, oneOf: [1, 2, 3] })!;
        const restrictType = p.int("restrictType", { required: true, oneOf: [1, 2] })!;
        const tel = p.str("tel", { required: true })!;
        const description = p.str("description", { max: 100 }) ?? null;
        // Doc 3.7.2: "yyyy-MM-dd"; the vendor SDK sends a java.util.Date, which Jackson writes as epoch ms.
        const expRaw = p.raw("expirationTime");
        const exp = typeof expRaw === "number" ? String(expRaw) : p.str("expirationTime");
        const encrypt = p.int("encrypt", { oneOf: [0, 1] }) ?? 0;
        const encryptType = p.int("encryptType", { oneOf: [1] }) ?? 1;
        p.rejectUnknown([
          "type",
          "telType",
          "restrictType",
          "tel",
          "description",
          "expirationTime",
          "encrypt",
          "encryptType",
        ]);
        // An encrypted number cannot be checked for shape: the simulator has no key to open it.
        if (encrypt === 0) checkTel(tel, telType);
        const expirationTime = exp === undefined ? null : /^\d{10,}$/.test(exp) ? Number(exp) : parseDay(exp);
        const key = `${restrictType}:${type}:${tel}`;
        // Not documented; one number can only be listed once per list and direction.
        if (entries(ctx).has(key)) throw fail.invalid(`号码已在${restrictType === 1 ? "黑" : "白"}名单中: ${tel}`);
        const e: Obj = {
          key,
          seq: ctx.store.nextId("restrictTel"),
          restrictType,
          type,
          tel,
          telType,
          description,
          createTime: ctx.now(),
          expirationTime,
        };
        if (encrypt === 1) e.telEncrypt = tel;
        entries(ctx).set(key, e);
        return { restrictTel: { restrictType, type, tel, telType, description, expirationTime, encrypt, encryptType } };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_restrict_tel",
      handler(p, ctx) {
        const restrictType = p.int("restrictType", { required: true, oneOf: [1, 2] })!;
        const tel = p.str("tel", { required: true })!;
        p.rejectUnknown(["restrictType", "tel"]);
        let found = false;
        for (const [k, e] of entries(ctx))
          if (e.restrictType === restrictType && e.tel === tel) {
            entries(ctx).delete(k);
            found = true;
          }
        if (!found) throw fail.code(400, "ResourceNotFound", "号码不存在");
        return { restrictTel: { restrictType, tel } };
      },
    },
    {
      method: "GET",
      path: "/cc/describe_restrict_tel_setting",
      handler(p, ctx) {
        p.rejectUnknown([]);
        return { setting: { settingValue: settings(ctx).get("setting")?.settingValue ?? 0 } };
      },
    },
    {
      method: "POST",
      path: "/cc/update_restrict_tel_setting",
      handler(p, ctx) {
        const settingValue = p.int("settingValue", { required: true, min: 0, max: 6 })!;
        p.rejectUnknown(["settingValue"]);
        settings(ctx).set("setting", { key: "setting", settingValue });
        return { setting: { settingValue } };
      },
    },
  ],
};
