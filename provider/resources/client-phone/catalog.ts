/**
 * The phone each agent answers on (座席绑定电话, doc 3.1.7/3.1.8) outside the provider: the export
 * reads bindings from list_clients' `bindTel` and refers to the agent and, when the phone is one of
 * the center's, its Exten; the review warns when an agent loses its phone.
 */
import { masks } from "../../schema/core";
import { MASKED, text, type KindCatalog, type ReviewObject } from "../kind-catalog";

const DELETE_EFFECT = "the agent takes no calls until a phone is bound again (doc 3.1.8 unbind_client_tel)";

/** The agents a log deletes or replaces: their phones go with them, said in their own warning. */
const agentsGoing = new WeakMap<ReviewObject[], Set<string>>();

export const catalog: KindCatalog = {
  export: {
    order: 50,
    module: "agent-phones",
    title: "the phone each agent answers on (座席绑定电话, 3.1.4 list_clients `bindTel`)",
    progress: "bindings",
    matchKey: "the agent number (cno)",
    header: ["A phone of the center is referred to by its Exten, so the engine makes the phone before the binding."],
    refersTo: ["client", "exten"],
    async read(ctx) {
      ctx.tally();
      const listed = await ctx.list("client");
      const agents: Array<Promise<void>> = [];
      for (const row of listed) {
        const cno = text(row.cno);
        if (cno === "" || text(row.bindTel) === "" || !ctx.passes([cno])) continue;
        ctx.objects().set(cno, row);
        ctx.want("exten", text(row.bindTel));
        ctx.tally().known++;
        ctx.tally().done++;
        agents.push(ctx.pull("client", cno));
      }
      await Promise.all(agents);
    },
    // The agent's cno output, and the Exten's extenNumber when the phone is one of the center's.
    declare(ctx) {
      const rows = [...ctx.objects().entries()].sort(([a], [b]) => ctx.compareKeys(a, b));
      const byTel = new Map<string, string>();
      const names = ctx.names(
        rows.map(([cno]) => cno),
        (k) => k,
        (k) => `agent_${ctx.identPart(k)}_phone`,
      );
      for (const [cno, row] of rows) {
        let tel = text(row.bindTel);
        const label = `the phone of agent ${cno}`;
        if (MASKED.test(tel)) {
          // Doc 3.1.4's example answers bindTel masked ("152xxxx0000"): only a phone of the center
          // that the mask fits, and no other, names the number.
          const fits = [...ctx.objects("exten").keys()].filter((n) => masks(tel, n));
          const [fit, ...others] = fits;
          if (fit === undefined || others.length > 0) {
            ctx.warn(`${label} is not exported: list_clients answers it masked (${tel}); declare the binding by hand.`);
            continue;
          }
          tel = fit;
        }
        if (byTel.has(tel)) {
          ctx.warn(
            `${label} is not exported: phone ${tel} is also the bound phone of agent ${byTel.get(tel)} (ClientTelIsBind, doc 3.1.7).`,
          );
          continue;
        }
        const d = ctx.declare({ cno, tel }, label, false);
        if (!d) continue;
        byTel.set(tel, cno);
        const agent = ctx.ref("client", cno, "cno");
        const exten = ctx.ref("exten", tel, "extenNumber");
        ctx.add({
          ident: names.get(cno)!,
          key: cno,
          declared: d,
          override: { ...(agent ? { cno: agent } : {}), ...(exten ? { tel: exten } : {}) },
        });
      }
    },
  },
  review: {
    order: 50,
    plural: "phone bindings",
    live: true,
    deleteEffect: DELETE_EFFECT,
    replaceCost:
      "the phone is unbound (doc 3.1.8 unbind_client_tel) and bound again: the agent takes no calls in between",
    liveAgentStep: "unbind",
    warn(o, ctx, sink) {
      if (o.action !== "removed") return false;
      let going = agentsGoing.get(ctx.objects);
      if (!going) {
        going = new Set(
          ctx.objects
            .filter((x) => x.kind === "Client" && (x.action === "removed" || x.action === "replaced"))
            .map((x) => String(ctx.valuesOf(x.old).cno)),
        );
        agentsGoing.set(ctx.objects, going);
      }
      const was = ctx.valuesOf(o.old);
      const cno = String(was.cno);
      // An agent that goes loses its phone with it: its own warning says so.
      if (going.has(cno)) return true;
      const agent = ctx.identity("Client", { cno });
      const tel = ctx.formatValue(was.tel);
      sink.group(
        o.kind,
        { name: `${ctx.bare(agent, "Client")} (${tel})`, one: `${agent} loses its phone ${tel}: ${DELETE_EFFECT}.` },
        (g) => {
          const [only] = g.one; // one per name: the sink pushes both
          return g.names.length === 1 && only !== undefined
            ? only
            : `${g.names.length} agents lose their phones (${ctx.listOf(g.names)}): ${DELETE_EFFECT}.`;
        },
      );
      return true;
    },
  },
};
