/** Black- and white-list entries (黑白名单, doc 3.7.1-3.7.3) outside the provider. */
import { MASKED, text, type KindCatalog, type Row } from "../kind-catalog";
import { mergeEntries } from "./endpoints";
import { noBlacklistedEmergencyNumbers, whitelistNeedsEntries } from "./policy";

/** What deleting list entries lets through (doc 3.7.3 delete_restrict_tel; docs/restrict-tel.md). */
const ENTRY_GONE: Record<string, string> = {
  blacklist:
    "while the blacklist is on, calls with these numbers are no longer blocked: they can call and be called again (doc 3.7.3 delete_restrict_tel)",
  whitelist:
    "while the whitelist is on, these numbers are no longer let through: their calls are blocked (doc 3.7.3 delete_restrict_tel)",
};

const listOf = (restrictType: unknown) => (Number(restrictType) === 2 ? "whitelist" : "blacklist");

export const catalog: KindCatalog = {
  rules: [whitelistNeedsEntries, noBlacklistedEmergencyNumbers],
  export: {
    order: 70,
    module: "restrict-tels",
    title: "black- and white-list entries (黑白名单, 3.7.1 list_restrict_tel)",
    progress: "list entries",
    matchKey: "the number, or restrictType:number",
    header: ["One declaration per number and list, both directions together (type: [1, 2])."],
    refersTo: [],
    async read(ctx) {
      // 3.7.1 `restrictType` is required: one listing per list. The table names the answer's
      // list `list`, the example `restrictTels`: both are read (docs/design.md).
      const lists = await Promise.all(
        [1, 2].map(async (restrictType) =>
          (await ctx.list(undefined, { restrictType })).map((e) => ({
            ...e,
            restrictType: e.restrictType ?? restrictType,
          })),
        ),
      );
      ctx.keepAll(lists.flat());
    },
    // One declaration per number and list, its directions together (as the provider reads them).
    declare(ctx) {
      const entries = new Map<string, Row[]>();
      for (const e of ctx.objects().values()) {
        const id = `${Number(e.restrictType)}:${text(e.tel)}`;
        if (text(e.tel) === "" || !ctx.passes([text(e.tel), id])) continue;
        entries.set(id, [...(entries.get(id) ?? []), e]);
      }
      const ids = [...entries.keys()];
      const names = ctx.names(
        ids,
        (k) => k,
        (k) => `${k.startsWith("2:") ? "whitelist" : "blacklist"}_${ctx.identPart(k.slice(k.indexOf(":") + 1))}`,
      );
      for (const id of [...ids].sort(ctx.compareKeys)) {
        const mine = entries.get(id)!;
        const list = id.startsWith("2:") ? "whitelist" : "blacklist";
        const label = `${list} entry ${id.slice(id.indexOf(":") + 1)}`;
        if (MASKED.test(id.slice(id.indexOf(":") + 1))) {
          ctx.warn(`${label} is not exported: the number is answered masked.`);
          continue;
        }
        const differ = (["description", "expirationTime"] as const).filter(
          (f) => new Set(mine.map((e) => JSON.stringify(e[f] ?? null))).size > 1,
        );
        const d = ctx.declare(mergeEntries(mine, {}), label);
        if (!d) continue;
        if (differ.length > 0) {
          const note = `its two directions differ in ${differ.join(" and ")}; one entry holds one value (the first direction's is declared)`;
          d.notes.push(`Note: ${note}.`);
          ctx.warn(`${label}: ${note}.`);
        }
        // One direction is declared as itself, not as a list of one.
        const types = d.fields.type as number[];
        const override = types.length === 1 ? { type: ctx.value(types[0], "type") } : undefined;
        ctx.add({ ident: names.get(id)!, key: id, declared: d, override });
      }
    },
  },
  review: {
    order: 80,
    plural: "list entries",
    replaceCost:
      "the entry is deleted (doc 3.7.3 delete_restrict_tel) and created again, there being no update endpoint: " +
      "the number is not screened in between",
    warn(o, ctx, sink) {
      if (o.action !== "removed") return false;
      const was = ctx.valuesOf(o.old);
      const list = listOf(was.restrictType);
      sink.group(
        `${o.kind}:${list}`,
        { name: ctx.formatValue(was.tel), one: "" },
        (g) =>
          `${g.names.length} ${list} ${g.names.length === 1 ? "entry is" : "entries are"} deleted (${ctx.listOf(g.names)}): ${ENTRY_GONE[list]}.`,
      );
      return true;
    },
  },
};
