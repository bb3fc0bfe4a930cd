/** The black/white-list switch (黑白名单配置, doc 3.7.4/3.7.5) outside the provider. */
import { type KindCatalog } from "../kind-catalog";
import { describeSetting } from "./endpoints";

const KEY = "restrict-tel-setting";

/** "blacklist, both" → what the switch then does to calls. */
function switchEffect(label: string | undefined): string {
  if (!label) return "";
  if (/^off\b/.test(label)) return ": no list screens calls any more";
  const calls = /inbound/.test(label)
    ? "inbound calls"
    : /outbound/.test(label)
      ? "outbound calls"
      : "calls in both directions";
  if (/^blacklist/.test(label)) return `: numbers on the blacklist are blocked for ${calls}`;
  if (/^whitelist/.test(label))
    return `: only numbers on the whitelist get through for ${calls}, every other number is blocked`;
  return "";
}

export const catalog: KindCatalog = {
  export: {
    order: 80,
    module: "restrict-tel-setting",
    title: "the black/white-list switch (黑白名单配置, 3.7.4 describe_restrict_tel_setting)",
    progress: "list switch",
    header: ["The switch always exists, so it takes no adopt: declared, it is set only when the value differs."],
    refersTo: [],
    // One call (3.7.4).
    async read(ctx) {
      const setting = await describeSetting(ctx.client);
      if (setting) ctx.objects().set(KEY, setting);
      const t = ctx.tally();
      t.known = t.done = setting ? 1 : 0;
    },
    // Always there, so it takes no adopt (declaring it sets it only if it differs).
    declare(ctx) {
      const setting = ctx.objects().get(KEY);
      if (!setting || !ctx.passes([KEY])) return;
      const d = ctx.declare(setting, "the black/white-list switch", false);
      if (d) ctx.add({ ident: "restrict_tel_setting", key: KEY, declared: d, adopt: false });
    },
  },
  review: {
    order: 90,
    plural: "black/white list switch",
    // Its delete changes nothing on the server (docs/restrict-tel.md): the switch stays as it is.
    removedHead:
      "leaves the stack; the switch stays as it is on the server (deleting it changes nothing, docs/restrict-tel.md)",
    warn(o, ctx, sink) {
      if (o.action !== "changed" && o.action !== "added" && o.action !== "replaced") return true;
      const before = o.old?.inputs.settingValue;
      const after = o.new?.inputs.settingValue;
      const show = (v: unknown) => ctx.showCode(o.kind, "settingValue", v);
      const effect = switchEffect(ctx.codeMeaning(o.kind, "settingValue", after));
      if (o.action === "added" || before === undefined)
        sink.push(
          `The black/white list switch (${ctx.vendorTerm(o.kind)}) is set to ${show(after)}, whatever the center has now (doc 3.7.5)${effect}.`,
        );
      else if (before !== after)
        sink.push(
          `The black/white list switch (${ctx.vendorTerm(o.kind)}) changes from ${show(before)} to ${show(after)} (doc 3.7.5)${effect}.`,
        );
      return true;
    },
  },
};
