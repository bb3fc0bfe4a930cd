/**
 * One writer per queue at a time (issue 23, item 6; docs/membership.md, One queue, one writer at a
 * time). A membership batch restates the queue's settings (doc 3.2.3 batch_update_queue,
 * queueModel `maxWait` … `chatLocation`): built from a read taken before an update of the queue
 * lands, it puts the old settings back (maxWait 9 back to 5). The engine runs a `Queue` and a
 * `QueueMember` naming its qno as a literal in parallel, in one provider process (one deployment):
 * so within that process the writes to one queue run one after another, and each builds its
 * request from a read taken inside its turn. Across processes (two stacks) nothing orders them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The last turn queued for each qno; a turn starts when the one before it has ended. */
const turns = new Map<string, Promise<void>>();

/** Runs `work` when no other write to queue `qno` of this process is running, then lets the next go. */
export async function oneWriterPerQueue<T>(qno: string, work: () => Promise<T>): Promise<T> {
  const before = turns.get(qno) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const turn = before.then(() => mine);
  turns.set(qno, turn);
  await before;
  try {
    return await work();
  } finally {
    done();
    if (turns.get(qno) === turn) turns.delete(qno);
  }
}

/**
 * The provider with its writes (create, update, delete) taken one at a time per queue. `qnoOf`
 * names the queue from the operation's id (`qno`, or `qno:cno`) or, for a create, its inputs.
 */
export function serializedPerQueue(
  provider: dynamic.ResourceProvider,
  qnoOf: (id: string | undefined, inputs: Record<string, unknown>) => string,
): dynamic.ResourceProvider {
  const { create, update, delete: remove } = provider;
  return {
    ...provider,
    create: (inputs) => oneWriterPerQueue(qnoOf(undefined, inputs), () => create(inputs)),
    ...(update && {
      update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
        oneWriterPerQueue(qnoOf(id, news), () => update(id, olds, news)),
    }),
    ...(remove && {
      delete: (id: string, props: Record<string, unknown>) =>
        oneWriterPerQueue(qnoOf(id, props), () => remove(id, props)),
    }),
  };
}
