/**
 * Queues (队列, doc 3.2) outside the provider: how the export lists and declares them (their
 * members referring to the agents), how the review names them and says who joins and leaves.
 */
import { text, type KindCatalog, type MembershipChange } from "../kind-catalog";
import { describeQueue } from "./endpoints";
import { queueHasMembers } from "./policy";

const DELETE_EFFECT =
  "calls can no longer be routed to it, and its members leave it (doc 3.2.5 delete_queue). " +
  "The delete is refused while a member is logged in (OnlineClientInQueue) or an IVR routes to it (QueueInUse)";

const penaltyOf = (v: unknown): number | undefined =>
  v !== null && typeof v === "object" && typeof (v as { penalty?: unknown }).penalty === "number"
    ? (v as { penalty: number }).penalty
    : undefined;

export const catalog: KindCatalog = {
  rules: [queueHasMembers],
  export: {
    order: 40,
    module: "queues",
    title: "queues and their members (队列, 3.2.6 list_queues, 3.2.7 describe_queue)",
    progress: "queues",
    matchKey: "qno",
    header: [
      "`members` is authoritative: each queue has exactly the agents listed (doc 3.2.2 `queueMembers`); `[]` is none.",
    ],
    refersTo: ["client"],
    // list_queues (3.2.6) answers id, qno, name and head counts only: describe_queue (3.2.7) per
    // queue, as the provider reads it. A member's agent is read in full too (pulled in), outside
    // the queue pool, so describe_queue never waits for describe_client's queue.
    async read(ctx) {
      const listed = await ctx.list();
      const wanted = listed.map((q) => text(q.qno)).filter((qno) => qno !== "" && ctx.passes([qno]));
      ctx.tally().known += wanted.length;
      await Promise.all(
        wanted.map(async (qno) => {
          const queue = await ctx.pool(() => describeQueue(ctx.client, qno));
          ctx.tally().done++;
          if (!queue) return;
          ctx.objects().set(qno, queue);
          const members = Array.isArray(queue.queueMembers) ? (queue.queueMembers as Array<{ cno?: unknown }>) : [];
          await Promise.all(
            members
              .map((m) => text(m.cno))
              .filter((cno) => cno !== "")
              .map((cno) => ctx.pull("client", cno)),
          );
        }),
      );
    },
    declare(ctx) {
      const described = { field: "qno", noun: "queue", endpoint: "describe_queue" };
      for (const { key: qno, ident, remote } of ctx.inKeyOrder([...ctx.objects()], "queue", described)) {
        const d = ctx.declare(remote, `queue ${qno}`);
        if (!d) continue;
        // Members as the whole list (authoritative: the queue has exactly these, doc 3.2.2
        // `queueMembers`), each agent by its cno output; none is `[]`, which the provider reads the same way.
        const members = d.fields.members as Array<{ cno: string; penalty: number }> | undefined;
        const override = members
          ? {
              members: ctx.list(
                members.map((m) =>
                  ctx.object([
                    ["cno", ctx.ref("client", m.cno, "cno") ?? ctx.value(m.cno)],
                    ["penalty", ctx.value(m.penalty)],
                  ]),
                ),
              ),
            }
          : undefined;
        ctx.add({ ident, key: qno, declared: d, override });
      }
    },
  },
  review: {
    order: 20,
    plural: "queues",
    live: true,
    namedBy: "qno",
    deleteEffect: DELETE_EFFECT,
    replaceCost:
      "the queue is deleted (doc 3.2.5 delete_queue) and created anew: calls cannot reach it in between, " +
      "and members not declared on it are lost",
    membershipFields: ["members"],
    membersField: "members",
    // A Queue's `members` (kept as { cno: { penalty } }, doc 3.2.1/3.2.2 `queueMembers`).
    memberships(o, ctx) {
      if (o.action === "removed") return [];
      const qno = ctx.valuesOf(o.new).qno;
      const declared = o.new?.inputs.members;
      if (typeof qno !== "string" || !qno || declared === undefined) return [];
      const was =
        o.action === "added" ? {} : ctx.setElements(o.kind, "members", o.old?.inputs.members ?? o.old?.outputs.members);
      const now = ctx.setElements(o.kind, "members", declared);
      const out: MembershipChange[] = [];
      for (const [cno, m] of Object.entries(now)) {
        if (!(cno in was)) out.push({ cno, qno, what: "joins", penalty: penaltyOf(m), source: o });
        else if (penaltyOf(was[cno]) !== penaltyOf(m))
          out.push({ cno, qno, what: "penalty", before: penaltyOf(was[cno]), penalty: penaltyOf(m), source: o });
      }
      for (const cno of Object.keys(was)) if (!(cno in now)) out.push({ cno, qno, what: "leaves", source: o });
      return out;
    },
    warn(o, ctx, sink) {
      if (o.action !== "removed") return false;
      const name = ctx.nameOf(o);
      const members = Object.keys(
        ctx.setElements(o.kind, "members", o.old?.outputs.members ?? o.old?.inputs.members),
      ).map((c) => ctx.member(c));
      const has = members.length > 0 ? ctx.listOf(members) : undefined;
      sink.group(o.kind, {
        name: ctx.bare(name, o.kind),
        one: `${name} is deleted: ${DELETE_EFFECT}${has ? `. Its members now: ${has}` : ""}.`,
        detail: has ? `${ctx.bare(name, o.kind)} has ${has}` : undefined,
      });
      return true;
    },
  },
};
