/** One queue membership (队列成员, doc 3.2.3 batch_update_queue) in the review; the export declares members on the queues. */
import type { KindCatalog, MembershipChange } from "../kind-catalog";

const penaltyOf = (v: Record<string, unknown>): number | undefined =>
  typeof v.penalty === "number" ? v.penalty : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export const catalog: KindCatalog = {
  review: {
    order: 30,
    plural: "queue memberships",
    replaceCost: "the membership is removed and added again (doc 3.2.3 batch_update_queue)",
    membershipFields: ["qno", "cno", "penalty"],
    memberships(o, ctx) {
      const was = ctx.valuesOf(o.old);
      const now = ctx.valuesOf(o.new);
      const [oq, oc, nq, nc] = [was.qno, was.cno, now.qno, now.cno].map(str);
      const out: MembershipChange[] = [];
      const gone = o.action === "removed" || (o.action === "replaced" && (oq !== nq || oc !== nc));
      if (gone && oq && oc) out.push({ cno: oc, qno: oq, what: "leaves", source: o });
      if (o.action === "removed" || !nq || !nc) return out;
      if (o.action === "added" || gone)
        out.push({ cno: nc, qno: nq, what: "joins", penalty: penaltyOf(now), source: o });
      else if (penaltyOf(was) !== penaltyOf(now))
        out.push({ cno: nc, qno: nq, what: "penalty", before: penaltyOf(was), penalty: penaltyOf(now), source: o });
      return out;
    },
  },
};
