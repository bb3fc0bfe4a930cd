/**
 * Queue membership under the real engine (docs/membership.md): an authoritative Queue.members
 * list, a queue whose members are left alone, QueueMember on batch_update_queue. (The refusal of
 * two owners for one queue is a program-side verdict: test/program/membership-claims.test.ts; its
 * way through the engine, a refused preview with no API call: truthful-preview.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, recorder } from "./harness";

type Member = { cno: string; penalty: number };

describe("queue membership under the real engine", () => {
  const {
    sim,
    console: api,
    stack,
  } = engineSuite({}, (sim) => {
    for (const cno of ["1001", "1002", "1003"]) sim.admin.insert("client", { cno, name: `agent${cno}` });
  });
  const members = async (qno: string): Promise<Member[]> => {
    const { result } = await api.request<{ result: { queueMembers?: Member[] } }>("GET", "/cc/describe_queue", {
      query: { qno },
    });
    return (result.queueMembers ?? [])
      .map((m) => ({ cno: String(m.cno), penalty: Number(m.penalty) }))
      .sort((a, b) => a.cno.localeCompare(b.cno));
  };

  it("keeps undeclared members, manages single memberships, and never fights", async () => {
    let penalty = 5;
    let overflowWrapup = 15;
    const h = await stack(
      ({ clink }) => {
        new clink.Queue("support", { qno: "0001", name: "support", members: [{ cno: "1001", penalty: 1 }] });
        const overflow = new clink.Queue("overflow", { qno: "0002", name: "overflow", wrapupTime: overflowWrapup });
        new clink.QueueMember("m-1002", { qno: overflow.qno, cno: "1002", penalty });
      },
      { project: "clink-e2e-membership" },
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

  it("a queue's settings and a membership of it changed in one up do not undo each other", async () => {
    // Issue 23, item 6: the QueueMember names the queue by its literal qno, so the engine runs both
    // at once; the membership batch restates the queue's settings (doc 3.2.3) and must not restate
    // those read before the queue's update (maxWait 9 back to 5).
    let maxWait = 5;
    let withMember = false;
    const h = await stack(
      ({ clink }) => {
        new clink.Queue("busy", { qno: "0811", name: "busy", maxWait });
        if (withMember) new clink.QueueMember("busy-1003", { qno: "0811", cno: "1003", penalty: 2 });
      },
      { project: "clink-e2e-queue-writes" },
    );
    await h.stack.up();
    maxWait = 9;
    withMember = true;
    const rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["create busy-1003", "update busy"]);
    // Let a batch the server accepted but has not applied yet run (any queue call applies it).
    await new Promise((r) => setTimeout(r, 400));
    const { result } = await api.request<{ result: { maxWait: number } }>("GET", "/cc/describe_queue", {
      query: { qno: "0811" },
    });
    expect(result.maxWait).toBe(9);
    expect(await members("0811")).toEqual([{ cno: "1003", penalty: 2 }]);
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });
});
