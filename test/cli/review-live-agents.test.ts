/**
 * The provider's live-agent warnings in `pulumi-clink review` (issue 27): a preview whose
 * replacement would interrupt an agent on a call warns (provider/plugin/live-preview.ts), and the
 * review of its event log says so first. No other diagnostic is ever quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { reviewCommand } from "../../cli/review/command";
import { startSimulator, type Simulator } from "../../simulator";
import { LIVE_AGENT_WARNING } from "../../provider/plugin/live-preview";
import { agent, diagnostic, log, prelude, queue, replacement, same, step, summary } from "./events";
import { standIn } from "../support/stand-in";

describe("review of live agents", () => {
  const line = "agent 1001 alice is in a call now: its delete will wait up to 300 s for it to end (通话)";

  it("puts the provider's live-agent warning first, once", () => {
    const text = log(
      prelude(),
      replacement("Client", "alice", agent("1001", "alice"), agent("1001", "alice", { type: 1 }), ["type"]),
      diagnostic("warning", `${LIVE_AGENT_WARNING} ${line}\n`),
      diagnostic("warning", `${LIVE_AGENT_WARNING} ${line}`),
      summary(),
    );
    const md = reviewEventLog(text);
    expect(md).toContain(`${line}.`);
    expect(md.split(line).length - 1).toBe(1);
    expect(md.indexOf(line)).toBeLessThan(md.indexOf("is replaced"));
  });

  it("quotes no other warning, nor one that does not name an agent number", () => {
    const text = log(
      prelude(),
      diagnostic("warning", "password Hunter2-pw was refused"),
      diagnostic("warning", `${LIVE_AGENT_WARNING} Hunter2-pw`),
      diagnostic("error", `${LIVE_AGENT_WARNING} ${line}`),
      summary(),
    );
    const md = reviewEventLog(text);
    expect(md).not.toContain("Hunter2-pw");
    expect(md).not.toContain("alice");
  });
});

/** `pulumi-clink review --live-agents events.json` on a log: what it printed (it exits 0). */
async function review(text: string): Promise<string> {
  let out = "";
  const io = { out: (t: string) => void (out += t), err: () => {}, readFile: () => text, readStdin: async () => text };
  expect(await reviewCommand.run(["--live-agents", "events.json"], io)).toBe(0);
  return out;
}

/**
 * A simulator the review's live-agent look reads through the environment (CLINK_* settings), and
 * the review run on an event log; one per describe block.
 */
function liveAgentReview(secret: string) {
  let sim: Simulator | undefined;
  const env = ["CLINK_ENDPOINT", "CLINK_ACCESS_KEY_ID", "CLINK_ACCESS_KEY_SECRET"] as const;
  beforeAll(async () => {
    sim = await startSimulator({ accessKeyId: "k", accessKeySecret: secret, rate: 0 });
    Object.assign(process.env, { CLINK_ENDPOINT: sim.url, CLINK_ACCESS_KEY_ID: "k", CLINK_ACCESS_KEY_SECRET: secret });
  });
  afterAll(async () => {
    for (const k of env) delete process.env[k];
    await sim?.close();
  });
  return {
    sim: standIn(
      () => {
        if (!sim) throw new Error("the simulator starts in beforeAll");
        return sim;
      },
      { bind: true },
    ),
  };
}

describe("review --live-agents", () => {
  const { sim } = liveAgentReview("review-secret");

  it("names an agent on a call whose plain delete the preview could not show", async () => {
    sim.admin.insert("client", { cno: "1004", name: "dave", active: 1, type: 2, createTime: 0, updateTime: 0 });
    sim.admin.insert("client", { cno: "1005", name: "eve", active: 1, type: 2, createTime: 0, updateTime: 0 });
    sim.admin.setAgentState("1004", "BUSY");
    const text = log(
      prelude(),
      step("delete", "Client", "dave", agent("1004", "dave"), undefined),
      step("delete", "Client", "eve", agent("1005", "eve"), undefined),
      summary(),
    );
    const md = await review(text);
    expect(md).toContain(
      "agent 1004 dave is in a call now: its delete will wait up to 300 s for it to end (呼入通话).",
    );
    expect(md).not.toMatch(/agent 1005 eve is (logged in|in a call)/); // logged out: nothing to say
    expect(sim.counts()["GET /cc/agent_status"]).toBe(1);
  });

  it("asks nothing when no agent is deleted, replaced or unbound", async () => {
    const before = sim.counts()["GET /cc/agent_status"] ?? 0;
    await review(log(prelude(), same("Client", "eve", agent("1005", "eve")), summary()));
    expect(sim.counts()["GET /cc/agent_status"] ?? 0).toBe(before);
  });
});

describe("review --live-agents: agents taken out of their last queue", () => {
  const { sim } = liveAgentReview("review-lq");

  it("names agents a QueueMember delete, a Queue's members or a Client's qnos take out of their last queue", async () => {
    sim.reset();
    for (const [cno, name] of [
      ["1001", "alice"],
      ["1002", "bob"],
      ["1003", "carol"],
      ["1004", "dave"],
    ])
      sim.admin.insert("client", { cno, name, active: 1, type: 2, createTime: 0, updateTime: 0 });
    for (const q of ["2001", "2002", "2003"]) sim.admin.insert("queue", { id: Number(q), qno: q, name: `q${q}` });
    const member = (qno: string, cno: string) =>
      sim.admin.insert("membership", { key: `${qno}:${cno}`, qno, cno, penalty: 1 });
    member("2001", "1001"); // alice: only 2001, which a QueueMember delete takes
    member("2002", "1002"); // bob: only 2002, which the queue's members drop
    member("2003", "1003"); // carol: only 2003, which her qnos drop
    member("2001", "1004"); // dave: leaves 2001 but keeps 2002
    member("2002", "1004");
    sim.admin.setAgentState("1001", "BUSY");
    sim.admin.setAgentState("1002", "IDLE");
    sim.admin.setAgentState("1003", "RINGING");
    sim.admin.setAgentState("1004", "BUSY");
    const text = log(
      prelude(),
      step("delete", "QueueMember", "alice-2001", { qno: "2001", cno: "1001", penalty: 1 }, undefined),
      step("delete", "QueueMember", "dave-2001", { qno: "2001", cno: "1004", penalty: 1 }, undefined),
      step(
        "update",
        "Queue",
        "q2002",
        queue("2002", "q2002", { members: { "1002": { penalty: 1 }, "1004": { penalty: 1 } } }),
        queue("2002", "q2002", { members: { "1004": { penalty: 1 } } }),
      ),
      step(
        "update",
        "Client",
        "carol",
        agent("1003", "carol", { qnos: { "2003": true } }),
        agent("1003", "carol", { qnos: {} }),
      ),
      summary(),
    );
    const before = sim.counts()["GET /cc/agent_status"] ?? 0;
    const md = await review(text);
    expect(md).toContain(
      "agent 1001 alice is in a call now: its removal from its last queue 2001 will wait up to 300 s for it to end (呼入通话).",
    );
    expect(md).toContain(
      "agent 1002 bob is logged in now: its removal from its last queue 2002 leaves it in no queue, so it takes no queue call (空闲).",
    );
    expect(md).toContain("agent 1003 carol is ringing now: its removal from its last queue 2003 will wait up to 300 s");
    expect(md).not.toMatch(/agent 1004 dave is/); // keeps queue 2002
    expect((sim.counts()["GET /cc/agent_status"] ?? 0) - before).toBe(1);
  });

  it("asks nothing when no agent leaves a queue", async () => {
    const before = sim.counts()["GET /cc/agent_status"] ?? 0;
    const described = sim.counts()["GET /cc/describe_client"] ?? 0;
    await review(
      log(
        prelude(),
        step(
          "update",
          "QueueMember",
          "m",
          { qno: "2001", cno: "1001", penalty: 1 },
          { qno: "2001", cno: "1001", penalty: 2 },
        ),
        summary(),
      ),
    );
    expect(sim.counts()["GET /cc/agent_status"] ?? 0).toBe(before);
    expect(sim.counts()["GET /cc/describe_client"] ?? 0).toBe(described);
  });
});

describe("review --live-agents without a center to ask", () => {
  it("still prints the summary, and says the states could not be read", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      CLINK_ENDPOINT: "http://127.0.0.1:1",
      CLINK_ACCESS_KEY_ID: "k",
      CLINK_ACCESS_KEY_SECRET: "s",
    });
    try {
      const text = log(prelude(), step("delete", "Client", "dave", agent("1004", "dave"), undefined), summary());
      const out = await review(text);
      expect(out).toContain("The agents' states could not be read (doc 7.1 agent_status:");
      expect(out).toContain("agent 1004 dave is deleted");
    } finally {
      process.env = saved;
    }
  }, 60_000);
});
