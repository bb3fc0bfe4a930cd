/**
 * Read-only areas served from the seed: doc 3.6 IVRs and nodes, 3.8 satisfaction setting and
 * templates, 3.9 voice mails, 3.10 concurrency.
 */
import { fail, type EndpointModule, type Obj, type Params } from "./kernel";

/** Doc 3.8.2 and 3.9.1, `offset` and `limit`: offset 0-99990, limit 10-100, offset + limit at most 100000. */
function bigPage(p: Params, items: Obj[]) {
  const offset = p.int("offset", { min: 0, max: 99990 }) ?? 0;
  const limit = p.int("limit", { min: 10, max: 100 }) ?? 10;
  if (offset + limit > 100000) throw fail.invalid("limit + offset 不允许超过100000");
  return {
    pageNumber: Math.floor(offset / limit) + 1,
    pageSize: limit,
    totalCount: items.length,
    slice: items.slice(offset, offset + limit),
  };
}

export const globalsModule: EndpointModule = {
  endpoints: [
    {
      method: "GET",
      path: "/cc/list_ivrs",
      handler: (p, ctx) => (p.rejectUnknown([]), { ivrs: ctx.seed.ivrs }),
    },
    {
      method: "GET",
      path: "/cc/list_ivr_nodes",
      handler(p, ctx) {
        // Doc 3.6.2: both are marked required, but ivrId is deprecated (字段废弃): either one names the IVR.
        const ivrId = p.int("ivrId");
        const ivrName = p.str("ivrName");
        p.rejectUnknown(["ivrId", "ivrName"]);
        if (ivrId === undefined && ivrName === undefined) throw fail.missing("ivrName");
        const ivr = ctx.seed.ivrs.find((i) => (ivrName !== undefined ? i.name === ivrName : i.id === ivrId));
        if (!ivr) throw fail.code(400, "ResourceNotFound", "语音导航不存在");
        return { ivrNodes: ctx.seed.ivrNodes.filter((n) => n.ivrId === ivr.id) };
      },
    },
    {
      method: "GET",
      path: "/cc/investigation_setting",
      handler: (p, ctx) => (p.rejectUnknown([]), { setting: ctx.seed.satisfaction }),
    },
    {
      method: "GET",
      path: "/cc/list_investigation",
      handler(p, ctx) {
        const obClid = p.array<string>("obClid")?.map(String);
        const ivrName = p.array<string>("ivrName")?.map(String);
        const ivrId = p.array<string>("ivrId")?.map(Number);
        let list = ctx.seed.satisfactionTemplates;
        const overlaps = (have: unknown, want?: unknown[]) =>
          !want || (Array.isArray(have) && have.some((x) => want.includes(x)));
        list = list.filter(
          (t) => overlaps(t.obClid, obClid) && overlaps(t.ivrName, ivrName) && overlaps(t.ivrId, ivrId),
        );
        const { slice, ...paging } = bigPage(p, list);
        p.rejectUnknown(["obClid", "ivrId", "ivrName", "offset", "limit"]);
        return { investigations: slice, ...paging };
      },
    },
    {
      method: "GET",
      path: "/cc/list_voice_mails",
      handler(p, ctx) {
        const { slice, ...paging } = bigPage(p, ctx.seed.voiceMails);
        p.rejectUnknown(["offset", "limit"]);
        return { voiceMails: slice, ...paging };
      },
    },
    {
      method: "GET",
      path: "/cc/list_concurrent_info",
      handler: (p, ctx) => (p.rejectUnknown([]), { concurrentInfo: ctx.seed.concurrency }),
    },
  ],
};
