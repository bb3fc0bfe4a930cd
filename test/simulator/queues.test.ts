/** The simulator's doc 3.2 (queues) against the document's own statements. */
import { describe, expect, it } from "vitest";
import { BATCH_DELAY_MS } from "../../simulator/domain/queues";
import { enterprise, err, ok } from "./call";

function withAgents(cnos: string[], clock = { t: 1_000_000 }) {
  const ent = enterprise({ now: () => clock.t });
  for (const cno of cnos) ent.admin.insert("client", { cno, name: `a${cno}`, type: 2 });
  return { ent, clock };
}

describe("create_queue (3.2.1)", () => {
  it("applies the documented defaults and wraps the answer in `queue`", () => {
    const { ent } = withAgents([]);
    const q = ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "售后_1" }).queue;
    expect(q).toMatchObject({
      qno: "0001",
      name: "售后_1",
      maxWait: 5,
      memberTimeout: 25,
      queueTimeout: 600,
      strategy: 2,
    });
    expect(q).toMatchObject({
      weight: 1,
      wrapupTime: 15,
      serviceLevel: 15,
      joinEmpty: 0,
      ibAllowed: 1,
      chatStrategy: 2,
    });
    expect(q.queueMembers).toEqual([]);
  });

  it("rejects a taken qno, bad ranges, bad names and unknown agents", () => {
    const { ent } = withAgents(["1001"]);
    ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "a" });
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0001", name: "b" })).toMatchObject({
      status: 400,
      code: "QueueExist",
    });
    expect(err(ent, "POST", "/cc/create_queue", { qno: "01", name: "b" }).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "a b" }).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "x".repeat(21) }).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b", memberTimeout: 19 }).code).toBe(
      "InvalidParameter",
    );
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b", chatStrategy: 3 }).code).toBe(
      "InvalidParameter",
    );
    expect(err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b", bogus: 1 }).code).toBe("UnknownParameter");
    expect(
      err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b", queueMembers: [{ cno: "9999", penalty: 1 }] })
        .code,
    ).toBe("ResourceNotFound");
    expect(
      err(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b", maxPauseClientType: 0, maxPauseClientValue: 101 })
        .code,
    ).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_queue", { name: "b" }).code).toBe("MissingParameter");
  });
});

/** Queue 0001 with agents 1001 (penalty 1) and 1002 (penalty 2): what the member tests start from. */
const QUEUE_OF_TWO = {
  qno: "0001",
  name: "a",
  queueMembers: [
    { cno: "1001", penalty: 1 },
    { cno: "1002", penalty: 2 },
  ],
};

describe("update_queue (3.2.2)", () => {
  it("overwrites the whole member list when queueMembers is sent and keeps it otherwise", () => {
    const { ent } = withAgents(["1001", "1002", "1003"]);
    ok(ent, "POST", "/cc/create_queue", QUEUE_OF_TWO);
    ok(ent, "POST", "/cc/update_queue", { qno: "0001", maxWait: 9 });
    let d = ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result;
    expect(d.maxWait).toBe(9);
    expect(d.queueMembers.map((m: { cno: string }) => m.cno)).toEqual(["1001", "1002"]);
    ok(ent, "POST", "/cc/update_queue", { qno: "0001", queueMembers: [{ cno: "1003", penalty: 4 }] });
    d = ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result;
    expect(d.queueMembers).toEqual([{ cno: "1003", penalty: 4, type: 2 }]);
    expect(err(ent, "POST", "/cc/update_queue", { qno: "0404", name: "x" })).toMatchObject({
      code: "ResourceNotFound",
    });
  });
});

describe("batch_update_queue (3.2.3) and its status (3.2.4)", () => {
  it("upserts and removes members only once the batch has run, reporting 0 then 1", () => {
    const { ent, clock } = withAgents(["1001", "1002", "1003"]);
    ok(ent, "POST", "/cc/create_queue", QUEUE_OF_TWO);
    const { result, batchId } = ok(ent, "POST", "/cc/batch_update_queue", {
      queues: [{ qno: "0001", name: "a", queueMembers: [{ cno: "1003", penalty: 3 }], removeQueueMembers: ["1001"] }],
    });
    expect(result).toBe("ok");
    expect(ok(ent, "GET", "/cc/query_batch_update_queue_info", { batchId }).status).toBe(0);
    let members = ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result.queueMembers;
    expect(members.map((m: { cno: string }) => m.cno)).toEqual(["1001", "1002"]);
    clock.t += BATCH_DELAY_MS;
    expect(ok(ent, "GET", "/cc/query_batch_update_queue_info", { batchId }).status).toBe(1);
    members = ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result.queueMembers;
    expect(members).toEqual([
      { cno: "1002", penalty: 2, type: 2 },
      { cno: "1003", penalty: 3, type: 2 },
    ]);
    expect(ok(ent, "GET", "/cc/query_batch_update_queue_info", { batchId: "nope" }).status).toBe(-2);
  });

  it("refuses the whole batch on a repeated qno, a missing queue or a missing agent (doc 3.2.3 errors)", () => {
    const { ent } = withAgents(["1001"]);
    ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "a" });
    const dup = {
      queues: [
        { qno: "0001", name: "a" },
        { qno: "0001", name: "a" },
      ],
    };
    expect(err(ent, "POST", "/cc/batch_update_queue", dup).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/batch_update_queue", { queues: [{ qno: "0009", name: "a" }] })).toMatchObject({
      status: 400,
      code: "ResourceNotFound",
    });
    const noAgent = { queues: [{ qno: "0001", name: "a", removeQueueMembers: ["7777"] }] };
    expect(err(ent, "POST", "/cc/batch_update_queue", noAgent).code).toBe("ResourceNotFound");
    expect(err(ent, "POST", "/cc/batch_update_queue", { queues: [{ qno: "0001" }] }).code).toBe("MissingParameter");
  });
});

describe("delete_queue, list_queues, describe_queue", () => {
  it("answers ResourceNotFound with HTTP 400 for a missing queue (doc 3.2.5, 3.2.7 errors)", () => {
    const { ent } = withAgents([]);
    expect(err(ent, "POST", "/cc/delete_queue", { qno: "0001" })).toMatchObject({
      status: 400,
      code: "ResourceNotFound",
    });
    expect(err(ent, "GET", "/cc/describe_queue", { qno: "0001" })).toMatchObject({
      status: 400,
      code: "ResourceNotFound",
    });
  });

  it("refuses to delete a queue with an online member or one an IVR uses", () => {
    const { ent } = withAgents(["1001"]);
    ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "a", queueMembers: [{ cno: "1001", penalty: 1 }] });
    ent.admin.setAgentOnline("1001", true);
    expect(err(ent, "POST", "/cc/delete_queue", { qno: "0001" }).code).toBe("OnlineClientInQueue");
    ent.admin.setAgentOnline("1001", false);
    ent.admin.setQueueUsedByIvr("0001", true);
    expect(err(ent, "POST", "/cc/delete_queue", { qno: "0001" }).code).toBe("QueueInUse");
    ent.admin.setQueueUsedByIvr("0001", false);
    expect(ok(ent, "POST", "/cc/delete_queue", { qno: "0001" }).qno).toBe("0001");
    expect(ent.admin.list("membership")).toEqual([]);
  });

  it("pages with offset/limit and counts members by agent type", () => {
    const { ent } = withAgents(["1001"]);
    ent.admin.insert("client", { cno: "1002", name: "b", type: 1 });
    for (let i = 1; i <= 12; i++)
      ok(ent, "POST", "/cc/create_queue", { qno: String(i).padStart(4, "0"), name: `q${i}` });
    ok(ent, "POST", "/cc/update_queue", {
      qno: "0001",
      queueMembers: [
        { cno: "1001", penalty: 1 },
        { cno: "1002", penalty: 1 },
      ],
    });
    const first = ok(ent, "GET", "/cc/list_queues", {});
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 10, totalCount: 12 });
    expect(first.queues).toHaveLength(10);
    expect(first.queues[0]).toMatchObject({ qno: "0001", omniClientNum: 1, callClientNum: 1, chatClientNum: 0 });
    const second = ok(ent, "GET", "/cc/list_queues", { offset: 10, limit: 10 });
    expect(second.queues.map((q: { qno: string }) => q.qno)).toEqual(["0011", "0012"]);
    expect(err(ent, "GET", "/cc/list_queues", { limit: 101 }).code).toBe("InvalidParameter");
    const d = ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result;
    expect(d).toMatchObject({ enterpriseId: 7000001, retry: 5 });
  });
});
