/** Pause statuses (置忙状态, doc 3.3) outside the provider. */
import { text, type KindCatalog, type Row } from "../kind-catalog";
import { allPauses } from "./endpoints";
import { defaultPauseDeclared } from "./policy";

export const catalog: KindCatalog = {
  rules: [defaultPauseDeclared],
  export: {
    order: 60,
    module: "pauses",
    title: "pause statuses (置忙状态, 3.3.1 list_enterprise_pauses)",
    progress: "pauses",
    matchKey: "pauseStatus",
    header: ["At most one pause status is the default (isDefault: 1)."],
    refersTo: [],
    // 3.3.1 list_enterprise_pauses: one unpaged answer with every field.
    async read(ctx) {
      ctx.keepAll(await allPauses(ctx.client));
    },
    declare(ctx) {
      const named = [...ctx.objects().values()]
        .map((p): [string, Row] => [text(p.pauseStatus), p])
        .filter(([status]) => status !== "" && ctx.passes([status]));
      for (const { key: status, ident, remote } of ctx.inKeyOrder(named, "pause")) {
        const d = ctx.declare(remote, `pause status "${status}"`);
        if (d) ctx.add({ ident, key: status, declared: d });
      }
    },
  },
  review: { order: 70, plural: "pause statuses" },
};
