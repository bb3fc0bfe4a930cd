/** Pause statuses (置忙状态, doc 3.3) outside the provider. */
import { text, type KindCatalog } from "../kind-catalog";
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
      (await allPauses(ctx.client)).forEach((p, i) => ctx.objects().set(String(i), p));
      const t = ctx.tally();
      t.known = t.done = ctx.objects().size;
    },
    declare(ctx) {
      const pauses = [...ctx.objects().values()]
        .filter((p) => text(p.pauseStatus) !== "" && ctx.passes([text(p.pauseStatus)]))
        .sort((a, b) => ctx.compareKeys(text(a.pauseStatus), text(b.pauseStatus)));
      const names = ctx.names(
        pauses,
        (p) => text(p.pauseStatus),
        (p) => `pause_${ctx.identPart(text(p.pauseStatus))}`,
      );
      for (const p of pauses) {
        const d = ctx.declare(p, `pause status "${text(p.pauseStatus)}"`);
        if (d) ctx.add({ ident: names.get(p)!, key: text(p.pauseStatus), declared: d });
      }
    },
  },
  review: { order: 70, plural: "pause statuses" },
};
