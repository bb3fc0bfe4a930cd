/**
 * Doc section 3.3: the enterprise's pause statuses (置忙状态).
 *
 * Quirks kept on purpose: create answers without the new id (3.3.2 answer example), so a caller
 * finds it by listing; delete is by description, not id (3.3.3 `pauseStatus`); isRest is
 * documented as a String but the examples send and return numbers, so both are accepted and
 * numbers returned.
 */
import { fail, type Ctx, type EndpointModule, type Obj, type Params } from "./kernel";

const pauses = (ctx: Ctx) => ctx.store.table("pause");

function readFields(p: Params) {
  // Doc 3.3.2 `pauseStatus`: at most 4 characters.
  const pauseStatus = p.str("pauseStatus", { required: true, max: 4 })!;
  const isRest = p.int("isRest", { required: true, oneOf: [0, 1] })!;
  const isDefault = p.int("isDefault", { required: true, oneOf: [0, 1] })!;
  return { pauseStatus, isRest, isDefault };
}

function byStatus(ctx: Ctx, pauseStatus: string): Obj | undefined {
  return [...pauses(ctx).values()].find((x) => x.pauseStatus === pauseStatus);
}

/** One default at a time: making one the default clears the flag on the others. */
function claimDefault(ctx: Ctx, id: number) {
  for (const x of pauses(ctx).values()) if (x.id !== id) x.isDefault = 0;
}

export const pausesModule: EndpointModule = {
  kinds: { pause: { idField: "id" } },
  endpoints: [
    {
      method: "GET",
      path: "/cc/list_enterprise_pauses",
      handler(p, ctx) {
        p.rejectUnknown([]);
        const list = [...pauses(ctx).values()].sort((a, b) => Number(a.sort) - Number(b.sort));
        return { enterprisePauses: list.map((x) => ({ ...x })) };
      },
    },
    {
      method: "POST",
      path: "/cc/create_enterprise_pause",
      handler(p, ctx) {
        const f = readFields(p);
        p.rejectUnknown(["pauseStatus", "isRest", "isDefault"]);
        // Not documented; a second status with the same text could never be deleted by text.
        if (byStatus(ctx, f.pauseStatus)) throw fail.invalid(`置忙状态已存在: ${f.pauseStatus}`);
        const id = ctx.store.nextId("pause");
        const sort = Math.max(0, ...[...pauses(ctx).values()].map((x) => Number(x.sort))) + 1;
        pauses(ctx).set(String(id), { id, sort, ...f });
        if (f.isDefault === 1) claimDefault(ctx, id);
        return { enterprisePause: { ...f } };
      },
    },
    {
      method: "POST",
      path: "/cc/update_enterprise_pause",
      handler(p, ctx) {
        const f = readFields(p);
        const id = p.int("id", { required: true })!;
        p.rejectUnknown(["pauseStatus", "isRest", "isDefault", "id"]);
        const x = pauses(ctx).get(String(id));
        if (!x) throw fail.code(400, "ResourceNotFound", "置忙状态不存在");
        const clash = byStatus(ctx, f.pauseStatus);
        if (clash && clash.id !== id) throw fail.invalid(`置忙状态已存在: ${f.pauseStatus}`);
        Object.assign(x, f);
        if (f.isDefault === 1) claimDefault(ctx, id);
        return { enterprisePause: { id, ...f } };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_enterprise_pause",
      handler(p, ctx) {
        const pauseStatus = p.str("pauseStatus", { required: true })!;
        p.rejectUnknown(["pauseStatus"]);
        const x = byStatus(ctx, pauseStatus);
        if (!x) throw fail.code(400, "ResourceNotFound", "置忙状态不存在");
        pauses(ctx).delete(String(x.id));
        return { enterprisePause: { pauseStatus } };
      },
    },
  ],
};
