/** Phones (话机, doc 3.4) outside the provider: how the export lists and declares them, how the review warns. */
import { masks } from "../../schema/core";
import { text, type KindCatalog } from "../kind-catalog";

export const catalog: KindCatalog = {
  export: {
    order: 30,
    module: "extens",
    title: "phones (话机, 3.4.4 list_extens)",
    progress: "phones",
    matchKey: "extenNumber",
    header: [
      "Passwords are not declared: the API never shows them (doc 3.4.1 `password`); adopted phones keep theirs.",
    ],
    refersTo: [],
    // list_extens (3.4.4) answers every field describe_exten (3.4.5) does: list only.
    async read(ctx) {
      const listed = await ctx.list();
      for (const e of listed) if (text(e.extenNumber) !== "") ctx.objects().set(text(e.extenNumber), e);
      if (ctx.isRoot) {
        const t = ctx.tally();
        t.known = t.done = [...ctx.objects().keys()].filter((n) => ctx.passes([n])).length;
      }
    },
    // Roots that match, and (pulled in) the ones a binding names, masked or not (doc 3.1.4 `bindTel`).
    declare(ctx) {
      const objects = ctx.objects();
      const wanted = [...ctx.wanted()];
      const chosen = [...objects].filter(
        ([n]) => ctx.passes([n]) && (ctx.isRoot || (ctx.referable() && wanted.some((t) => t === n || masks(t, n)))),
      );
      for (const { key: n, ident, remote } of ctx.inKeyOrder(chosen, "exten")) {
        const d = ctx.declare(remote, `phone ${n}`);
        if (d) ctx.add({ ident, key: n, declared: d });
      }
    },
  },
  review: {
    order: 40,
    plural: "phones",
    live: true,
    deleteEffect:
      "a device registered with it stops working (doc 3.4.3 delete_exten). The delete is refused while an agent has it bound (ExtenOnUsing)",
    replaceCost:
      "the phone is deleted (doc 3.4.3 delete_exten) and created anew: a device registered with it must register again, " +
      "and the delete is refused while an agent has it bound (ExtenOnUsing)",
  },
};
