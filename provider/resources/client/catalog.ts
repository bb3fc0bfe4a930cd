/**
 * Agents (座席, doc 3.1) outside the provider: how the export lists and declares them, how the
 * review names and warns about them.
 */
import { text, type KindCatalog, type MembershipChange } from "../kind-catalog";
import { describeClient } from "./endpoints";
import { agentInAQueue, noRecordDownloadForAgents, wrapupTimeInRange } from "./policy";

const DELETE_EFFECT =
  "it can no longer log in or take calls, and its phone numbers, its bound phone and its queue memberships go with it (doc 3.1.3 delete_client). " +
  "The delete is refused while the agent is logged in (ClientOnline) unless forceOfflineOnDelete logs it out first";

export const catalog: KindCatalog = {
  rules: [agentInAQueue, noRecordDownloadForAgents, wrapupTimeInRange],
  export: {
    order: 20,
    module: "agents",
    title: "agents (座席, 3.1.4 list_clients, 3.1.5 describe_client, 3.1.14 list_other_setting)",
    progress: "agents",
    matchKey: "the agent number (cno)",
    header: [
      "Passwords are not declared: the API never answers them (doc 3.1.5), and an adopted agent keeps its own.",
      "describe_client (doc 3.1.5) answers no assignType, dynamicTelGroupName, clidDefault, wechatMiniProgramRtc,",
      "obClidDefaultType or dynamicTelGroupIdDefault, nor clidArea's assignType and dynamicTelGroupName: their",
      "values cannot be exported. Each is a commented-out line below: left out it is not managed (never sent, so",
      "the agent's own setting stays); declared, it is sent, and no refresh can ever show it drift.",
      "Queue memberships are declared on the queues (queues.ts, `members`), not as `qnos` here.",
    ],
    // Agents refer to nothing the API lets us read (describe_client answers no number group, doc 3.1.5).
    refersTo: [],
    // An agent's queues (`qnos`) are the queues' `members` (with the penalty qnos cannot carry);
    // declaring both is refused at preview (docs/membership.md).
    notDeclared: ["qnos"],
    // list_clients (3.1.4) answers 14 fields: every agent is read in full with the provider's own
    // read (describe_client 3.1.5 + list_other_setting 3.1.14), one per agent.
    async read(ctx) {
      const listed = await ctx.list();
      await Promise.all(
        listed
          .map((row) => text(row.cno))
          .filter((cno) => cno !== "" && ctx.passes([cno]))
          .map((cno) => ctx.pull("client", cno)),
      );
    },
    pull: (ctx, cno) =>
      ctx.once(cno, async () => {
        ctx.tally().known++;
        const agent = await ctx.pool(() => ctx.unlessGone(() => describeClient(ctx.client, cno)));
        if (agent) ctx.objects().set(cno, agent);
        ctx.tally().done++;
      }),
    declare(ctx) {
      const described = { field: "cno", noun: "agent", endpoint: "describe_client" };
      for (const { key: cno, ident, remote } of ctx.inKeyOrder([...ctx.objects()], "agent", described)) {
        const d = ctx.declare(remote, `agent ${cno}`);
        if (!d) continue;
        // Describe_client answers no number group (doc 3.1.5's answer table); should a server answer
        // one anyway, say so in a comment: declared, the provider could not compare it (it reads
        // nothing back) and the first up would restate it.
        const group = text(remote.dynamicTelGroupName);
        const ref = ctx.refText("dynamicTelGroup", group, "name");
        if (group !== "")
          d.notes.push(
            `Draws caller numbers from number group "${group}" (answered by this server, not in doc 3.1.5). To manage it, add` +
              (ref
                ? ` dynamicTelGroupName: ${ref}, importing ./${ctx.moduleOf("dynamicTelGroup")} (the first up then restates it).`
                : ` dynamicTelGroupName (the first up then restates it).`),
          );
        ctx.add({ ident, key: cno, declared: d });
      }
    },
  },
  review: {
    order: 10,
    plural: "agents",
    live: true,
    namedBy: "cno",
    deleteEffect: DELETE_EFFECT,
    replaceCost:
      "the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, " +
      "its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost",
    membershipFields: ["qnos"],
    liveAgentStep: "delete",
    // A Client's `qnos` (kept as { qno: true }): the agent's queues (doc 3.1.1/3.1.2 `qnos`).
    memberships(o, ctx) {
      const out: MembershipChange[] = [];
      const oldCno = ctx.valuesOf(o.old).cno;
      const newCno = ctx.valuesOf(o.new).cno;
      const was = typeof oldCno === "string" ? oldCno : undefined;
      const now = typeof newCno === "string" ? newCno : undefined;
      if (o.action === "removed" || (o.action === "replaced" && was !== now)) {
        // Deleting an agent drops its memberships (the server's list of its queues is in the outputs).
        if (was)
          for (const qno of Object.keys(ctx.setElements(o.kind, "qnos", o.old?.outputs.qnos ?? o.old?.inputs.qnos)))
            out.push({ cno: was, qno, what: "leaves", source: o, implied: true });
        if (o.action === "removed") return out;
      }
      const declared = o.new?.inputs.qnos;
      if (!now || declared === undefined) return out;
      const before =
        o.action === "added" || was !== now
          ? {}
          : ctx.setElements(o.kind, "qnos", o.old?.inputs.qnos ?? o.old?.outputs.qnos);
      const after = ctx.setElements(o.kind, "qnos", declared);
      for (const qno of Object.keys(after)) if (!(qno in before)) out.push({ cno: now, qno, what: "joins", source: o });
      for (const qno of Object.keys(before))
        if (!(qno in after)) out.push({ cno: now, qno, what: "leaves", source: o });
      return out;
    },
    warn(o, ctx, sink) {
      if (o.action !== "removed") return false;
      const name = ctx.nameOf(o);
      const queues = ctx.memberships.filter((m) => m.source === o && m.what === "leaves").map((m) => ctx.queue(m.qno));
      const leaves = queues.length > 0 ? ctx.listOf(queues) : undefined;
      sink.group(o.kind, {
        name: ctx.bare(name, o.kind),
        one: `${name} is deleted: ${DELETE_EFFECT}${leaves ? `. It leaves ${leaves}` : ""}.`,
        detail: leaves ? `${ctx.bare(name, o.kind)} leaves ${leaves}` : undefined,
      });
      return true;
    },
  },
};
