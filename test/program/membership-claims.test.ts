/**
 * One owner per membership (issue 23, item 5), under the SDK's mocks (no engine, no API): an agent
 * whose Client declares `qnos` (its whole queue set) may not have a membership declared anywhere
 * else, by a QueueMember or by a Queue's `members`. The verdict each resource carries is the
 * failure its provider's check reports before any API call; it names both resources and the queue.
 */
import { describe, expect, it } from "vitest";
import { mockedProgram } from "./mocks";

const { clink, verdicts } = mockedProgram();

const agent = (cno: string, more: Record<string, unknown> = {}) => ({
  cno,
  name: `a${cno}`,
  areaCode: "010",
  password: "pw-123456",
  ...more,
});

describe("one owner for each membership", () => {
  it("refuses Client.qnos beside a QueueMember of the same agent (plain cno), naming both and the queue", async () => {
    new clink.Client("hr-3001", agent("3001", { qnos: ["0301"] }));
    new clink.QueueMember("m-3001", { qno: "0302", cno: "3001", penalty: 2 });
    const v = await verdicts(["hr-3001", "m-3001"]);
    for (const [name, property] of [
      ["hr-3001", "qnos"],
      ["m-3001", "cno"],
    ] as const) {
      expect(v[name]?.property).toBe(property);
      expect(v[name]?.reason).toContain('Agent 3001 in queue 0302: clink.Client "hr-3001" declares');
      expect(v[name]?.reason).toContain('clink.QueueMember "m-3001" also declares its membership of queue 0302');
    }
  });

  it("refuses it also when the QueueMember names the agent and the queue through outputs", async () => {
    const q = new clink.Queue("q-0311", { qno: "0311", name: "q" });
    const a = new clink.Client("hr-3011", agent("3011", { qnos: [q.qno] }));
    new clink.QueueMember("m-3011", { qno: q.qno, cno: a.cno, penalty: 1 });
    const v = await verdicts(["hr-3011", "m-3011", "q-0311"]);
    expect(v["m-3011"]?.reason).toContain('Agent 3011 in queue 0311: clink.Client "hr-3011"');
    expect(v["hr-3011"]?.reason).toContain('clink.QueueMember "m-3011"');
    expect(v["q-0311"]).toBeUndefined();
  });

  it("refuses Client.qnos (even []) beside a Queue.members entry naming that agent", async () => {
    const a = new clink.Client("hr-3021", agent("3021", { qnos: [] }));
    new clink.Queue("q-0321", {
      qno: "0321",
      name: "q",
      members: [
        { cno: "3029", penalty: 1 },
        { cno: a.cno, penalty: 3 },
      ],
    });
    const v = await verdicts(["hr-3021", "q-0321"]);
    expect(v["q-0321"]?.property).toBe("members");
    expect(v["q-0321"]?.reason).toContain(
      'Agent 3021 in queue 0321: clink.Client "hr-3021" declares the agent\'s whole queue set (qnos), and clink.Queue "q-0321"',
    );
    expect(v["hr-3021"]?.reason).toContain('clink.Queue "q-0321" also declares its membership of queue 0321');
  });

  it("leaves alone what has one owner: qnos of one agent, QueueMember and members of others", async () => {
    new clink.Client("hr-3031", agent("3031", { qnos: ["0331"] }));
    new clink.Client("free-3032", agent("3032"));
    new clink.QueueMember("m-3032", { qno: "0331", cno: "3032", penalty: 1 });
    new clink.Queue("q-0332", { qno: "0332", name: "q", members: [{ cno: "3033", penalty: 1 }] });
    const v = await verdicts(["hr-3031", "free-3032", "m-3032", "q-0332"]);
    expect(v).toEqual({ "hr-3031": undefined, "free-3032": undefined, "m-3032": undefined, "q-0332": undefined });
  });

  // Moved from the e2e suite (center, membership): an authoritative Queue.members list beside a
  // single-membership declaration of the same queue refuses both.
  it("refuses Queue.members beside a QueueMember of the same queue, naming both", async () => {
    const q = new clink.Queue("owned", { qno: "0341", name: "owned", members: [{ cno: "3041", penalty: 1 }] });
    new clink.QueueMember("extra", { qno: q.qno, cno: "3042", penalty: 1 });
    const v = await verdicts(["owned", "extra"]);
    for (const name of ["owned", "extra"])
      expect(v[name]?.reason, name).toMatch(
        /^Queue 0341: its members are declared authoritatively by clink\.Queue "owned" \(members: \[\.\.\.\]\) and also managed by clink\.QueueMember "extra"\. The two would undo each other/,
      );
  });

  it("refuses Client.qnos naming a queue whose members a Queue declares (even members: []), naming both", async () => {
    new clink.Queue("owned-2", { qno: "0351", name: "owned", members: [] });
    new clink.Client("carol", agent("3051", { qnos: ["0351"] }));
    const v = await verdicts(["owned-2", "carol"]);
    expect(v.carol?.property).toBe("qnos");
    for (const name of ["owned-2", "carol"])
      expect(v[name]?.reason, name).toMatch(
        /^Queue 0351:.*clink\.Queue "owned-2".*clink\.Client "carol".*undo each other/s,
      );
  });
});
