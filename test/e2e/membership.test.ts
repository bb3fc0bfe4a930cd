/**
 * Queue membership under the real engine (docs/membership.md): an authoritative Queue.members
 * list, a queue whose members are left alone, QueueMember on batch_update_queue, and the
 * program-level refusal of two owners for one queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClinkClient } from "../../provider/api";
import { startSimulator } from "../../simulator";
import { changesOf, createStack, programDir, recorder, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir } from "./harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type Member = { cno: string; penalty: number };

describe("queue membership under the real engine", () => {
  let sim: Sim;
  let where: ProgramDir;
  let api: ClinkClient;
  const members = async (qno: string): Promise<Member[]> => {
    const { result } = await api.request<{ result: { queueMembers?: Member[] } }>("GET", "/cc/describe_queue", {
      query: { qno },
    });
    return (result.queueMembers ?? [])
      .map((m) => ({ cno: String(m.cno), penalty: Number(m.penalty) }))
      .sort((a, b) => a.cno.localeCompare(b.cno));
  };

  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET });
    api = new ClinkClient({ accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET, endpoint: sim.url, rate: 0 });
    for (const cno of ["1001", "1002", "1003"]) sim.admin.insert("client", { cno, name: `agent${cno}` });
  });
  afterAll(async () => {
    await api?.close();
    await sim?.close();
  });

  it("keeps undeclared members, manages single memberships, and never fights", async () => {
    let penalty = 5;
    let overflowWrapup = 15;
    const h = await createStack(
      where,
      ({ clink }) => {
        new clink.Queue("support", { qno: "0001", name: "support", members: [{ cno: "1001", penalty: 1 }] });
        const overflow = new clink.Queue("overflow", { qno: "0002", name: "overflow", wrapupTime: overflowWrapup });
        new clink.QueueMember("m-1002", { qno: overflow.qno, cno: "1002", penalty });
      },
      { endpoint: sim.url, project: "clink-e2e-membership" },
    );

    let rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["create m-1002", "create overflow", "create support"]);
    expect(await members("0001")).toEqual([{ cno: "1001", penalty: 1 }]);
    expect(await members("0002")).toEqual([{ cno: "1002", penalty: 5 }]);
    await h.stack.preview({ expectNoChanges: true });

    // A member added out of band to the queue whose members are not declared survives an update of that queue.
    const batch = await api.request<{ batchId: string }>("POST", "/cc/batch_update_queue", {
      body: {
        queues: [{ qno: "0002", name: "overflow", wrapupTime: 15, queueMembers: [{ cno: "1003", penalty: 9 }] }],
      },
    });
    expect(batch.batchId).toBeTruthy();
    for (let i = 0; i < 20; i++) {
      const info = await api.request<{ status: number }>("GET", "/cc/query_batch_update_queue_info", {
        query: { batchId: batch.batchId },
      });
      if (info.status === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    overflowWrapup = 30;
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update overflow"]);
    expect(await members("0002")).toEqual([
      { cno: "1002", penalty: 5 },
      { cno: "1003", penalty: 9 },
    ]);
    await h.stack.preview({ expectNoChanges: true });

    // Changing one membership's penalty touches only that member.
    penalty = 2;
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update m-1002"]);
    expect(await members("0002")).toEqual([
      { cno: "1002", penalty: 2 },
      { cno: "1003", penalty: 9 },
    ]);

    // The authoritative list is enforced: an extra member is found by refresh and removed by up.
    sim.admin.edit("queue", "0001", {});
    await api.request("POST", "/cc/update_queue", {
      body: {
        qno: "0001",
        queueMembers: [
          { cno: "1001", penalty: 1 },
          { cno: "1003", penalty: 3 },
        ],
      },
      idempotent: true,
    });
    await h.stack.refresh();
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update support"]);
    expect(await members("0001")).toEqual([{ cno: "1001", penalty: 1 }]);

    // A membership dropped out of band: refresh forgets it, up puts it back.
    const drop = await api.request<{ batchId: string }>("POST", "/cc/batch_update_queue", {
      body: { queues: [{ qno: "0002", name: "overflow", wrapupTime: 30, removeQueueMembers: ["1002"] }] },
    });
    expect(drop.batchId).toBeTruthy();
    for (let i = 0; i < 20 && (await members("0002")).some((m) => m.cno === "1002"); i++) {
      await api.request("GET", "/cc/query_batch_update_queue_info", { query: { batchId: drop.batchId } });
      await new Promise((r) => setTimeout(r, 100));
    }
    await h.stack.refresh();
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["create m-1002"]);
    expect(await members("0002")).toContainEqual({ cno: "1002", penalty: 2 });
    await h.stack.preview({ expectNoChanges: true });

    // Destroy: the membership and both queues go; the out-of-band member goes with its queue.
    await h.stack.destroy();
    expect(sim.admin.list("queue")).toEqual([]);
  });

  it("refuses a queue whose members are declared and also managed by a QueueMember, applying neither", async () => {
    const h = await createStack(
      where,
      ({ clink }) => {
        const q = new clink.Queue("owned", { qno: "0003", name: "owned", members: [{ cno: "1001", penalty: 1 }] });
        new clink.QueueMember("extra", { qno: q.qno, cno: "1002", penalty: 1 });
      },
      { endpoint: sim.url, project: "clink-e2e-membership-conflict" },
    );
    await expect(h.stack.up()).rejects.toThrow(
      /Queue 0003.*clink\.Queue "owned".*clink\.QueueMember "extra".*undo each other/s,
    );
    expect(sim.admin.list("queue")).toEqual([]);
  });
});
