/**
 * clink.QueueMember (队列成员): one agent in one queue with a skill level, for teams that split
 * membership ownership (the queue declared in one program or not at all, members elsewhere).
 * Built on batch_update_queue's upsert/remove (doc 3.2.3) and read through describe_queue
 * (3.2.7). Id `qno:cno`. Never touches the queue's other members. See docs/membership.md.
 */
import { queueMemberSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { makeProvider } from "../../plugin/provider";
import { alreadyExistsRefusal, notFoundRefusal } from "../../plugin/refusals";
import { batchUpdateMembers } from "../queue/membership-batch";
import { describeQueue, membersOf } from "../queue/endpoints";
import { serializedPerQueue } from "../queue/lock";
import { withLastQueueGuard } from "../queue/last-queue";

function split(id: string): { qno: string; cno: string } {
  // An id without ':' (a mistyped import) names no member: read finds none, delete has nothing to remove.
  const [qno = "", cno = ""] = id.split(":");
  return { qno, cno };
}

function queueMissing(qno: string, op: string): Error {
  return notFoundRefusal(`queue ${qno} does not exist (${op})`);
}

const unserialized = makeProvider({
  schema: queueMemberSchema,
  api: {
    async create(api, _body, inputs) {
      const qno = String(inputs.qno);
      const cno = String(inputs.cno);
      const queue = await describeQueue(api, qno);
      if (!queue) throw queueMissing(qno, "create");
      if (membersOf(queue).some((m) => m.cno === cno)) {
        throw alreadyExistsRefusal(`agent ${cno} is already a member of queue ${qno}`);
      }
      await batchUpdateMembers(api, queue, { upsert: [{ cno, penalty: Number(inputs.penalty) }] });
      return { qno, cno, penalty: inputs.penalty };
    },
    async read(api, id) {
      const { qno, cno } = split(id);
      const member = membersOf(await describeQueue(api, qno)).find((m) => m.cno === cno);
      return member ? { qno, cno, penalty: member.penalty } : undefined;
    },
    async update(api, id, _body, news) {
      const { qno, cno } = split(id);
      const queue = await describeQueue(api, qno);
      if (!queue) throw queueMissing(qno, "update");
      await batchUpdateMembers(api, queue, { upsert: [{ cno, penalty: Number(news.penalty) }] });
      return { qno, cno, penalty: news.penalty } as Inputs;
    },
    async delete(api, id) {
      const { qno, cno } = split(id);
      const queue = await describeQueue(api, qno);
      // The queue, or the agent's membership, is already gone: nothing to remove.
      if (!queue || !membersOf(queue).some((m) => m.cno === cno)) return;
      await batchUpdateMembers(api, queue, { remove: [cno] });
    },
    existsCodes: [],
    // create reads the queue's members first.
    guardsCreate: true,
    hints: {
      notFound:
        "The queue or the agent does not exist: declare it in this program (and pass its qno/cno as an output so it is created first) or check the number.",
      BatchFailed:
        "The server could not apply the membership change; run `pulumi refresh` to see the current members, then `pulumi up` again.",
      timeout:
        "The server is still applying the change; run `pulumi refresh` in a minute, then `pulumi up` again (nothing is applied twice).",
    },
  },
});

// Each batch runs in its queue's turn (../queue/lock.ts), built from the describe_queue read
// inside that turn: the settings it restates (doc 3.2.3) are the ones the server holds then.
// A delete (and a replacement's delete half) that takes an agent on a call out of its last queue
// waits for the call first, before its turn (../queue/last-queue.ts).
export const queueMemberProvider = withLastQueueGuard(
  serializedPerQueue(unserialized, (id, inputs) => (id ? split(id).qno : String(inputs.qno))),
  "QueueMember",
  {
    delete(id) {
      const { qno, cno } = split(id);
      return [{ cno, qnos: [qno] }];
    },
    // Another queue for the same agent is made before the old membership goes (no delete-before-
    // replace: the id changes), so only a membership moving to another agent leaves one.
    replace(id, _olds, news) {
      const { qno, cno } = split(id);
      return String(news.cno) === cno ? [] : [{ cno, qnos: [qno] }];
    },
  },
);
