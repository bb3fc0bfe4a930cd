/**
 * Issue 23, item 6 at the provider level, against the simulator: a queue's settings and its
 * memberships never undo each other. A membership batch restates the queue's settings (doc 3.2.3
 * batch_update_queue, queueModel), and the simulator applies a batch a moment after accepting it
 * (doc 3.2.4: it runs asynchronously). Within one provider process, writes to one queue run one
 * at a time, each built from a read taken in its turn (provider/resources/queue/lock.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureProvider, providers } from "../../provider";
import { oneWriterPerQueue } from "../../provider/resources/queue/lock";
import { startSimulator } from "../../simulator";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.clearFaults();
  configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
});

async function checked(p: dynamic.ResourceProvider, olds: Record<string, unknown>, raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!(olds, raw);
  expect(failures).toEqual([]);
  return inputs!;
}

/** Queue 0801 made through the provider (maxWait 5), and agent 1802 on the server. */
async function queueAndAgent() {
  sim.admin.insert("client", { cno: "1802", name: "b", areaCode: "010", type: 2, active: 1, permission: {} });
  const inputs = await checked(providers.queue, {}, { qno: "0801", name: "support", maxWait: 5 });
  const { outs } = await providers.queue.create(inputs);
  const raise = await checked(providers.queue, outs, { qno: "0801", name: "support", maxWait: 9 });
  const member = await checked(providers.queueMember, {}, { qno: "0801", cno: "1802", penalty: 2 });
  return { outs, raise, member };
}

/** The queue as the server holds it once every batch accepted so far has run (any queue call applies them). */
async function queueNow() {
  await new Promise((r) => setTimeout(r, 300));
  await providers.queueMember.read!("0801:1802", {});
  const queue = (sim.admin.list("queue") as Array<{ qno: string; maxWait: number }>).find((q) => q.qno === "0801");
  const members = (sim.admin.list("membership") as Array<{ qno: string; cno: string }>).map((m) => m.cno);
  return { maxWait: queue?.maxWait, members };
}

async function until(what: () => boolean) {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(what()).toBe(true);
}

describe("a queue's update and a membership batch on it", () => {
  it("an update arriving while a batch runs waits for it: maxWait 9 stays, the member is added", async () => {
    const { outs, raise, member } = await queueAndAgent();
    const adding = providers.queueMember.create(member);
    // The batch (restating maxWait 5) has been accepted and is not applied yet.
    await until(() => sim.log().some((e) => e.path === "/cc/batch_update_queue"));
    const updating = providers.queue.update!("0801", outs, raise);
    await Promise.all([adding, updating]);
    expect(await queueNow()).toEqual({ maxWait: 9, members: ["1802"] });
  });

  it("a batch asked for during an update reads the queue after that update", async () => {
    const { outs, raise, member } = await queueAndAgent();
    sim.addFault({ path: "/cc/update_queue", kind: "slow", delayMs: 300 });
    const updating = providers.queue.update!("0801", outs, raise);
    const adding = providers.queueMember.create(member);
    await Promise.all([updating, adding]);
    const log = sim.log();
    const update = log.find((e) => e.path === "/cc/update_queue")!;
    const read = log.find((e) => e.path === "/cc/describe_queue")!;
    // The member's describe_queue starts once update_queue has answered: the batch restates 9.
    expect(read.at).toBeGreaterThanOrEqual(update.at + update.ms);
    expect(await queueNow()).toEqual({ maxWait: 9, members: ["1802"] });
  });
});

describe("what a membership batch restates", () => {
  it("only the settings the server reported in the read just before, with the values it holds", async () => {
    // A queue whose answer carries few settings (issue 23, item 1: a key the server does not
    // report and the program does not declare is not sent).
    sim.admin.insert("queue", { qno: "0821", name: "few", maxWait: 7, wrapupTime: 40 });
    sim.admin.insert("client", { cno: "1821", name: "c", areaCode: "010", type: 2, active: 1, permission: {} });
    const member = await checked(providers.queueMember, {}, { qno: "0821", cno: "1821", penalty: 3 });
    await providers.queueMember.create(member);
    // The batch is applied (create waits for it): a setting it had sent would now be on the queue.
    const queue = (sim.admin.list("queue") as Array<Record<string, unknown>>).find((q) => q.qno === "0821");
    expect(queue).toMatchObject({ maxWait: 7, wrapupTime: 40 });
    expect(Object.keys(queue!).sort()).toEqual(["maxWait", "name", "qno", "wrapupTime"]);
  });
});

describe("oneWriterPerQueue", () => {
  it("runs the writes to one queue one after another, in order, and other queues beside them", async () => {
    const events: string[] = [];
    const work = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name} end`);
      return name;
    };
    const all = Promise.all([
      oneWriterPerQueue("0001", work("a", 30)),
      oneWriterPerQueue("0001", work("b", 1)),
      oneWriterPerQueue("0002", work("c", 1)),
    ]);
    expect(await all).toEqual(["a", "b", "c"]);
    expect(events.indexOf("b start")).toBeGreaterThan(events.indexOf("a end"));
    expect(events.indexOf("c end")).toBeLessThan(events.indexOf("a end"));
  });

  it("lets the next write go when one fails", async () => {
    const failing = oneWriterPerQueue("0003", async () => {
      throw new Error("refused");
    });
    const next = oneWriterPerQueue("0003", async () => "ran");
    await expect(failing).rejects.toThrow("refused");
    expect(await next).toBe("ran");
  });
});
