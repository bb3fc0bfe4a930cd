/**
 * A whole small center under the real engine (issue 8): agents in queues through all three doors
 * (Queue.members, QueueMember, Client.qnos), agents bound to phones of the program, a rebinding,
 * and one `pulumi destroy` that takes it all down in an order the API accepts. (Client.qnos on a
 * queue whose members another resource declares: test/program/membership-claims.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, recorder } from "./harness";

describe("a center under the real engine", () => {
  const { sim, stack } = engineSuite();

  it("declares memberships and phones, rebinds a phone, and destroys in an order the API accepts", async () => {
    let alicePhone = "8001";
    const h = await stack(
      ({ clink }) => {
        const pw = "center-pw-123";
        const sales = new clink.Queue("sales", { qno: "0010", name: "sales" });
        const alice = new clink.Client("alice", { cno: "1001", name: "alice", areaCode: "010", password: pw });
        new clink.Client("bob", {
          cno: "1002",
          name: "bob",
          areaCode: "010",
          password: pw,
          qnos: [sales.qno],
        });
        // bob's queues are his qnos (his whole queue set): no other resource declares a membership of his.
        new clink.Queue("support", { qno: "0011", name: "support", members: [{ cno: alice.cno, penalty: 1 }] });
        new clink.QueueMember("alice-sales", { qno: sales.qno, cno: alice.cno, penalty: 4 });
        const desk = (n: string) =>
          new clink.Exten(`desk-${n}`, { extenNumber: n, password: "sip-pw-1", areaCode: "010", type: 1, allow: 3 });
        const [first, second] = [desk("8001"), desk("8002")];
        new clink.ClientPhone("alice-phone", {
          cno: alice.cno,
          tel: alicePhone === "8001" ? first.extenNumber : second.extenNumber,
        });
      },
      { project: "clink-e2e-center" },
    );

    await h.stack.up();
    await h.stack.preview({ expectNoChanges: true });
    const members = (qno: string) =>
      (sim.admin.list("membership") as Array<{ qno: string; cno: string; penalty: number }>)
        .filter((m) => m.qno === qno)
        .map((m) => `${m.cno}:${m.penalty}`)
        .sort();
    expect(members("0010")).toEqual(["1001:4", "1002:1"]);
    expect(members("0011")).toEqual(["1001:1"]);
    expect(sim.admin.list("clientTel")).toEqual([expect.objectContaining({ cno: "1001", tel: "8001", isBind: 1 })]);

    // Rebinding alice to the other desk: one in-place update.
    alicePhone = "8002";
    const rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update alice-phone"]);
    await h.stack.preview({ expectNoChanges: true });

    // Everything goes in one destroy: phones unbound before the extens go, memberships before queues.
    await h.stack.destroy();
    for (const kind of ["client", "queue", "exten", "membership"]) expect(sim.admin.list(kind), kind).toEqual([]);
  });
});
