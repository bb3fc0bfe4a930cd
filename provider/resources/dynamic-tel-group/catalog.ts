/** Dynamic outbound-number groups (动态号码组, doc 3.5.5-3.5.8) outside the provider. */
import { MASKED, text, type KindCatalog, type Row } from "../kind-catalog";
import { allGroups } from "./endpoints";

export const catalog: KindCatalog = {
  export: {
    order: 10,
    module: "number-groups",
    title: "dynamic outbound-number groups (动态号码组, 3.5.8 page_dynamic_tel_group_rule)",
    progress: "number groups",
    matchKey: "name",
    header: ["Agents refer to a group by its name (doc 3.5.5 `name`)."],
    refersTo: [],
    // 3.5.8 answers every field: the list only.
    async read(ctx) {
      ctx.keepAll(await allGroups(ctx.client));
    },
    declare(ctx) {
      const named = [...ctx.objects().values()]
        .map((g): [string, Row] => [text(g.name), g])
        .filter(([name]) => name !== "" && ctx.passes([name]));
      for (const { key: name, ident, remote: g } of ctx.inKeyOrder(named, "group")) {
        const label = `number group "${name}" (id ${text(g.id)})`;
        // Masked numbers are never declarations (doc 2.7): said before check refuses them in general terms.
        if (Array.isArray(g.selectedTels) && g.selectedTels.some((t) => MASKED.test(String(t)))) {
          ctx.warn(`${label} is not exported: its numbers are answered masked (e.g. 138xxxx8888, doc 3.5.8 example).`);
          continue;
        }
        const d = ctx.declare(g, label);
        if (d) ctx.add({ ident, key: name, declared: d });
      }
    },
  },
  review: { order: 60, plural: "number groups" },
};
