/**
 * batch_update_queue (doc 3.2.3) and its status query (3.2.4 query_batch_update_queue_info):
 * the only door to change one membership without restating the queue's whole member list.
 *
 * The queueModel of a batch requires `name` (doc 3.2.3, queueModel 对象) and lists the queue
 * settings with their defaults (`maxWait` to `chatLocation`) without saying whether an omitted
 * setting keeps its value or falls back to the default. We therefore restate the queue's current
 * settings, read from describe_queue just before, so either reading leaves the queue as it was.
 * Members are upserted (`queueMembers`: "upsert策略,无需传递所有队列成员"), so other members are
 * never touched.
 */
import { ClinkApiError, type ClinkClient } from "../../api";
import { ProviderRefusal } from "../../plugin/refusals";

type Obj = Record<string, unknown>;

/** The queueModel settings (doc 3.2.3, queueModel 对象) copied from describe_queue. */
const SETTINGS = [
  "name",
  "maxWait",
  "memberTimeout",
  "queueTimeout",
  "strategy",
  "weight",
  "wrapupTime",
  "serviceLevel",
  "joinEmpty",
  "ibAllowed",
  "sayCno",
  "vipSupport",
  "maxPauseClientFlag",
  "maxPauseClientType",
  "maxPauseClientValue",
  "chatStrategy",
  "chatMaxWait",
  "chatLocation",
];

export interface BatchChange {
  upsert?: Array<{ cno: string; penalty: number }>;
  remove?: string[];
}

export interface BatchOptions {
  /** Give up waiting after this long (the batch may still finish; a refresh will tell). @default 120000 */
  timeoutMs?: number;
  pollMs?: number;
}

/** Applies one change to one queue and waits until the batch reports success. */
export async function batchUpdateMembers(
  api: ClinkClient,
  queue: Obj,
  change: BatchChange,
  options: BatchOptions = {},
): Promise<void> {
  const model: Obj = { qno: String(queue.qno) };
  for (const key of SETTINGS) if (queue[key] !== undefined && queue[key] !== null) model[key] = queue[key];
  if (change.upsert?.length) model.queueMembers = change.upsert;
  if (change.remove?.length) model.removeQueueMembers = change.remove;
  // An upsert/remove of the same members gives the same result when repeated: safe to retry.
  const answer = await api.request<{ batchId?: string }>("POST", "/cc/batch_update_queue", {
    body: { queues: [model] },
    idempotent: true,
  });
  if (!answer.batchId) {
    throw new ClinkApiError({
      code: "BadResponse",
      method: "POST",
      path: "/cc/batch_update_queue",
      requestId: answer.requestId,
      message: "batch_update_queue answered without a batchId (doc 3.2.3's answer example carries one).",
    });
  }
  await waitForBatch(api, answer.batchId, options);
}

/** Doc 3.2.4 `status`: 1 success, 0 running, -1 failed, -2 no such task. */
export async function waitForBatch(api: ClinkClient, batchId: string, options: BatchOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let pause = options.pollMs ?? 200;
  for (;;) {
    const info = await api.request<{ status?: number }>("GET", "/cc/query_batch_update_queue_info", {
      query: { batchId },
    });
    const path = "/cc/query_batch_update_queue_info";
    if (info.status === 1) return;
    if (info.status === -1 || info.status === -2) {
      throw new ClinkApiError({
        code: info.status === -1 ? "BatchFailed" : "BatchNotFound",
        method: "GET",
        path,
        requestId: info.requestId,
        message:
          info.status === -1
            ? `the membership batch ${batchId} failed on the server (status -1)`
            : `the server does not know the membership batch ${batchId} (status -2)`,
      });
    }
    if (Date.now() > deadline) {
      throw new ProviderRefusal(
        "timeout",
        `the membership batch ${batchId} was still running after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`,
        true,
      );
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 2000);
  }
}
