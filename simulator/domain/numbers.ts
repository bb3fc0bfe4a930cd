/**
 * Doc section 3.5: the enterprise's caller numbers and hotlines (fixed, from the seed),
 * number-to-area lookups, and dynamic outbound-number groups (动态号码组).
 *
 * Quirks kept on purpose: create answers without the new id (3.5.5 answer example), so a caller
 * finds it by name; names are unique, numbers must be among the caller numbers, and a group holds
 * at most 500 numbers (3.5.5 notes, `name`, `selectedTels`).
 */
import { fail, page, type Ctx, type EndpointModule, type Obj, type Params } from "./kernel";

const MAX_TELS = 500;
const groups = (ctx: Ctx) => ctx.store.table("dynamicTelGroup");

const ADVANCED: Array<{ name: string; min: number; max?: number; dflt: number }> = [
  { name: "statisticDays", min: 7, max: 60, dflt: 7 },
  { name: "minObCount", min: 1, dflt: 1 },
  { name: "minObDays", min: 1, dflt: 1 },
  { name: "minAnswerRate", min: 1, max: 100, dflt: 1 },
];
const FIELDS = ["name", "selectedTels", "status", "advancedConfigPermission", ...ADVANCED.map((a) => a.name)];

function readGroup(p: Params, ctx: Ctx, creating: boolean): Obj {
  const out: Obj = {};
  const name = p.str("name", { required: creating, max: 30 });
  if (name !== undefined) out.name = name;
  const tels = p.array<unknown>("selectedTels", { required: creating });
  if (tels !== undefined) {
    const list = [...new Set(tels.map(String))];
    if (list.length === 0) throw fail.invalid("selectedTels 不能为空");
    if (list.length > MAX_TELS) throw fail.invalid(`selectedTels 最多${MAX_TELS}个号码`);
    for (const t of list) if (!ctx.seed.clids.includes(t)) throw fail.invalid(`号码不在企业外显号码内: ${t}`);
    out.selectedTels = list;
  }
  const status = p.int("status", { oneOf: [0, 1] });
  if (status !== undefined) out.status = status;
  else if (creating) out.status = 1;
  const adv = p.int("advancedConfigPermission", { oneOf: [0, 1] });
  if (adv !== undefined) out.advancedConfigPermission = adv;
  else if (creating) out.advancedConfigPermission = 0;
  for (const a of ADVANCED) {
    const v = p.int(a.name, { min: a.min, max: a.max });
    if (v !== undefined) out[a.name] = v;
  }
  return out;
}

/** Doc 3.5.5 `statisticDays`-`minAnswerRate`: the analysis settings take their defaults when the switch is on. */
function applyAdvancedDefaults(g: Obj) {
  if (g.advancedConfigPermission === 1) for (const a of ADVANCED) if (g[a.name] === undefined) g[a.name] = a.dflt;
}

function nameTaken(ctx: Ctx, name: unknown, exceptId?: number) {
  return [...groups(ctx).values()].some((g) => g.name === name && g.id !== exceptId);
}

function publicView(g: Obj): Obj {
  const out: Obj = {};
  for (const k of ["id", ...FIELDS, "updateTime", "createTime"]) if (g[k] !== undefined) out[k] = g[k];
  return out;
}

/** Number -> area, by the longest matching prefix of the seed's table (plus a few built-ins). */
const BUILT_IN_AREAS: Record<string, Obj> = {
  "400": { province: "热线", city: "400热线", areaCode: "400" },
  "1010": { province: "热线", city: "1010热线", areaCode: "1010" },
  "010": { province: "北京", city: "北京", areaCode: "010" },
  "021": { province: "上海", city: "上海", areaCode: "021" },
  "025": { province: "江苏", city: "南京", areaCode: "025" },
  "130": { province: "江苏", city: "南京", areaCode: "025" },
  "138": { province: "北京", city: "北京", areaCode: "010" },
  "+001": { province: "北美洲", city: "美国|加拿大", areaCode: "001" },
  "001": { province: "北美洲", city: "美国|加拿大", areaCode: "001" },
};

function areaOf(ctx: Ctx, number: string): Obj {
  const table = { ...BUILT_IN_AREAS, ...ctx.seed.areaCodes };
  const prefix = Object.keys(table)
    .filter((k) => number.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  const digits = number.replace(/[\s+-]/g, "");
  if (!prefix || !/^\d{5,}$/.test(digits)) return { province: null, city: null, areaCode: null, valid: false };
  return { ...table[prefix], valid: true };
}

export const numbersModule: EndpointModule = {
  kinds: { dynamicTelGroup: { idField: "id" } },
  endpoints: [
    {
      method: "GET",
      path: "/cc/list_clid_numbers",
      handler: (p, ctx) => (p.rejectUnknown([]), { clids: [...ctx.seed.clids] }),
    },
    {
      method: "GET",
      path: "/cc/list_hotline_numbers",
      handler: (p, ctx) => (p.rejectUnknown([]), { hotlines: [...ctx.seed.hotlines] }),
    },
    {
      method: "GET",
      path: "/cc/list_dynamic_tel_group_rule",
      handler(p, ctx) {
        p.rejectUnknown([]);
        const list = [...groups(ctx).values()].sort((a, b) => Number(a.id) - Number(b.id));
        return { dynamicTelGroupRules: list.map((g) => ({ id: g.id, name: g.name, selectedTels: g.selectedTels })) };
      },
    },
    {
      method: "GET",
      path: "/cc/batch_get_areacode",
      handler(p, ctx) {
        // Doc 3.5.4: the example sends one comma-separated value; arrays (numbers[0]...) work too.
        const raw = p.raw("numbers");
        if (raw === undefined || raw === "") throw fail.missing("numbers");
        const list = (Array.isArray(raw) ? raw.map(String) : String(raw).split(",")).slice(0, 500);
        p.rejectUnknown(["numbers"]);
        const data: Obj = {};
        for (const n of list) data[n] = areaOf(ctx, n.trim());
        return { data };
      },
    },
    {
      method: "POST",
      path: "/cc/create_dynamic_tel_group_rule",
      handler(p, ctx) {
        const g = readGroup(p, ctx, true);
        p.rejectUnknown(FIELDS);
        if (nameTaken(ctx, g.name)) throw fail.invalid(`动态号码组名称已存在: ${String(g.name)}`);
        applyAdvancedDefaults(g);
        const id = ctx.store.nextId("dynamicTelGroup");
        const now = Math.floor(ctx.now() / 1000);
        groups(ctx).set(String(id), { id, ...g, createTime: now, updateTime: now });
        return { dynamicTelGroup: { ...g } };
      },
    },
    {
      method: "POST",
      path: "/cc/update_dynamic_tel_group_rule",
      handler(p, ctx) {
        const id = p.int("id", { required: true })!;
        const patch = readGroup(p, ctx, false);
        p.rejectUnknown(["id", ...FIELDS]);
        const g = groups(ctx).get(String(id));
        if (!g) throw fail.code(400, "ResourceNotFound", "动态号码组不存在");
        if (patch.name !== undefined && nameTaken(ctx, patch.name, id))
          throw fail.invalid(`动态号码组名称已存在: ${String(patch.name)}`);
        Object.assign(g, patch, { updateTime: Math.floor(ctx.now() / 1000) });
        applyAdvancedDefaults(g);
        const view = publicView(g);
        delete view.createTime;
        delete view.updateTime;
        return { dynamicTelGroup: view };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_dynamic_tel_group_rule",
      handler(p, ctx) {
        const id = p.int("id", { required: true })!;
        p.rejectUnknown(["id"]);
        if (!groups(ctx).delete(String(id))) throw fail.code(400, "ResourceNotFound", "动态号码组不存在");
        return { id };
      },
    },
    {
      method: "GET",
      path: "/cc/page_dynamic_tel_group_rule",
      handler(p, ctx) {
        const name = p.str("name");
        const tels = p.array<unknown>("selectedTels")?.map(String);
        const status = p.int("status", { oneOf: [0, 1] });
        let all = [...groups(ctx).values()].sort((a, b) => Number(a.id) - Number(b.id));
        if (name !== undefined) all = all.filter((g) => String(g.name).includes(name));
        if (tels) all = all.filter((g) => tels.every((t) => (g.selectedTels as string[]).includes(t)));
        if (status !== undefined) all = all.filter((g) => g.status === status);
        const { slice, ...paging } = page(p, all);
        p.rejectUnknown(["name", "selectedTels", "status", "offset", "limit"]);
        return { dynamicTelGroupRules: slice.map(publicView), ...paging };
      },
    },
  ],
};
