/**
 * clink.Queue (队列): doc 3.2.1 create_queue, 3.2.2 update_queue, 3.2.5 delete_queue,
 * 3.2.7 describe_queue. Id: the queue number (qno). Fields and their rules: ./schema.ts.
 */
import { queueSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { ClinkApiError, type ClinkClient } from "../../api";
import { logOut } from "../../plugin/log-out";
import { withChangeWindow } from "../../plugin/change-window";
import { makeProvider } from "../../plugin/provider";
import { readOrGone } from "../../plugin/errors";
import { serializedPerQueue } from "./lock";
import { setKeys, withLastQueueGuard } from "./last-queue";

type Obj = Record<string, unknown>;

/**
 * describe_queue answers ResourceNotFound (HTTP 400, doc 3.2.7 error table) for an unknown qno.
 * The document's example puts the queue under `result`; the vendor SDK's DescribeQueueResponse
 * reads it under `queue`: both are read (docs/design.md).
 */
export async function describeQueue(api: ClinkClient, qno: string): Promise<Obj | undefined> {
  const answer = await readOrGone(() =>
    api.request<{ result?: Obj; queue?: Obj }>("GET", "/cc/describe_queue", { query: { qno } }),
  );
  const queue = answer?.result ?? answer?.queue;
  return queue && typeof queue === "object" ? queue : undefined;
}

export function membersOf(queue: Obj | undefined): Array<{ cno: string; penalty: number }> {
  const list = (queue?.queueMembers ?? []) as Array<{ cno: unknown; penalty: unknown }>;
  return list.map((m) => ({ cno: String(m.cno), penalty: Number(m.penalty) }));
}

const unserialized = makeProvider({
  schema: queueSchema,
  api: {
    async create(api, body) {
      const answer = await api.request<{ queue?: Inputs }>("POST", "/cc/create_queue", { body });
      return answer.queue;
    },
    read: (api, id) => describeQueue(api, id),
    async update(api, _id, body) {
      // update_queue sets exactly the fields sent; queueMembers, when sent, replaces the list
      // (doc 3.2.2 update_queue, `queueMembers`: 全覆盖策略).
      const answer = await api.request<{ queue?: Inputs }>("POST", "/cc/update_queue", { body, idempotent: true });
      return answer.queue;
    },
    async delete(api, id, state) {
      const remove = () => api.request("POST", "/cc/delete_queue", { body: { qno: id }, idempotent: true });
      try {
        await remove();
      } catch (err) {
        if (!(
          err instanceof ClinkApiError &&
          err.code === "OnlineClientInQueue" &&
          state.forceOfflineOnDelete === true
        ))
          throw err;
        // Opted in (here or on a member's Client): log the queue's members out (4.2.8), then delete.
        for (const m of membersOf(await describeQueue(api, id))) await logOut(api, m.cno);
        await remove();
      }
    },
    existsCodes: ["QueueExist"],
    hints: {
      OnlineClientInQueue:
        "Agents of this queue are logged in (doc 3.2.5 delete_queue, error OnlineClientInQueue): " +
        "log them out (or wait for the shift to end) and run the deployment again.",
      QueueInUse:
        "An IVR (语音导航) routes calls to this queue (doc 3.2.5 delete_queue, error QueueInUse): " +
        "point that IVR node elsewhere in the Clink console first, then run the deployment again.",
    },
  },
});

// Writes to one queue run one at a time with its membership batches (./lock.ts): a batch
// restates the settings it read, and must not read them while an update of the queue is under way.
// Deletes and replacements keep to the change window (provider/plugin/change-window.ts).
// An update whose `members` drops agents takes each out of this queue (doc 3.2.2 `queueMembers`
// replaces the list): one on a call whose last queue it is is waited for (./last-queue.ts).
export const queueProvider = withChangeWindow(
  withLastQueueGuard(
    serializedPerQueue(unserialized, (id, inputs) => id ?? String(inputs.qno)),
    "Queue",
    {
      update(id, olds, news) {
        if (news.members === undefined) return [];
        const kept = new Set(setKeys(news.members, "cno"));
        return setKeys(olds.members, "cno")
          .filter((cno) => !kept.has(cno))
          .map((cno) => ({ cno, qnos: [id] }));
      },
    },
  ),
  "Queue",
);
