/**
 * Issue 27, item 1, the last step: removing an agent from its LAST queue while it is on a call is
 * waited for like a delete (provider/resources/queue/last-queue.ts). The decision against the
 * document's literal example answers (doc 7.1 agent_status, doc 3.1.5 describe_client `qnos`),
 * then each step that removes memberships against the simulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClinkClient, configureProvider, providers } from "../../provider";
import { guardLastQueues, queuesOf } from "../../provider/resources/queue/last-queue";
import { startSimulator, type Simulator } from "../../simulator";
import { json, testServer, type Seen } from "../api/server";
import { docExamples } from "../contract/doc-examples";
import { consoleErrors } from "../support/console-errors";

type Obj = Record<string, unknown>;

/** Doc 7.1's 返回示例, verbatim (test/fixtures/clink-api-7.1-agent-status.txt): agent 0000, 空闲. */
function agentStatusExample(): Obj {
  const text = fs.readFileSync(path.join(__dirname, "..", "fixtures", "clink-api-7.1-agent-status.txt"), "utf8");
  const from = text.indexOf("{", text.indexOf("返回示例"));
  return JSON.parse(text.slice(from, text.lastIndexOf("}") + 1)) as Obj;
}

/** Doc 3.1.5's 返回示例, verbatim: agent 0020 in queues 0006 and 0009. */
const describeClientExample = (): Obj => docExamples().find((e) => e.path === "/cc/describe_client")!.json;

/**
 * A server answering doc 7.1 with the example's one entry made agent 0020 (the agent of doc
 * 3.1.5's example) in the state `state()` gives, in the document's words; and doc 3.1.5 with its
 * example. `state()` undefined: doc 7.1's example as it stands (only agent 0000 is logged in).
 */
async function docServer(state: () => { agentStatus: string; detail: string } | undefined) {
  const example = agentStatusExample();
  const [entry] = example.agentStatus as Obj[];
  const server = await testServer("s", (req, res) => {
    if (req.path === "/cc/describe_client") return json(res, 200, describeClientExample());
    const now = state();
    const list = now
      ? [
          {
            ...entry,
            cno: "0020",
            clientName: "0020",
            agentStatus: now.agentStatus,
            agentStatusDetail: now.detail,
            customerStatus: now.agentStatus === "通话" ? "通话" : "空闲",
          },
        ]
      : [entry];
    json(res, 200, { ...example, agentStatus: list, totalCount: list.length });
  });
  const api = new ClinkClient({ endpoint: server.url, accessKeyId: "k", accessKeySecret: "s", rate: 0, maxRetries: 0 });
  const paths = () => server.seen.map((s: Seen) => s.path);
  return { api, paths, close: async () => (await api.close(), await server.close()) };
}

const IN_A_CALL = { agentStatus: "通话", detail: "呼入通话" };
const IDLE = { agentStatus: "空闲", detail: "空闲" };

describe("the last-queue decision, against the document's example answers", () => {
  it("an agent on a call that keeps another queue (doc 3.1.5 qnos 0006, 0009) is not waited for", async () => {
    const s = await docServer(() => IN_A_CALL);
    try {
      let ran = false;
      // waitSeconds 0: a wait would refuse at once, so going through proves there was none.
      await guardLastQueues(s.api, [{ cno: "0020", qnos: ["0006"] }], async () => (ran = true), {
        waitSeconds: 0,
        pollMs: 10,
      });
      expect(ran).toBe(true);
      expect(s.paths()).toEqual(["/cc/agent_status", "/cc/describe_client"]);
    } finally {
      await s.close();
    }
  });

  it("an agent on a call taken out of its last queue is waited for, then the step runs", async () => {
    let looks = 0;
    const s = await docServer(() => (++looks <= 3 ? IN_A_CALL : IDLE));
    try {
      let lookedWhenRan = 0;
      // update_client with qnos [] (doc 3.1.2) takes both of doc 3.1.5's queues.
      await guardLastQueues(
        s.api,
        [{ cno: "0020", qnos: ["0006", "0009"], after: [] }],
        async () => void (lookedWhenRan = looks),
        { waitSeconds: 30, pollMs: 10 },
      );
      expect(lookedWhenRan).toBe(4); // three looks in a call, the fourth free
      expect(s.paths().filter((p) => p === "/cc/describe_client")).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("two steps of one run taking an agent out of its two queues each count the other's removal", async () => {
    const s = await docServer(() => IN_A_CALL);
    try {
      const ran: string[] = [];
      const step = (qno: string) =>
        guardLastQueues(s.api, [{ cno: "0020", qnos: [qno] }], async () => void ran.push(qno), {
          waitSeconds: 0,
          pollMs: 10,
        });
      const results = await Promise.allSettled([step("0006"), step("0009")]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(ran).toEqual([]);
      // Alone, the same removal leaves the agent in 0009: no wait.
      await step("0006");
      expect(ran).toEqual(["0006"]);
    } finally {
      await s.close();
    }
  });

  it("a wait that runs out fails the step, naming the agent, its state, the time and the queue", async () => {
    const s = await docServer(() => IN_A_CALL);
    try {
      let ran = false;
      await expect(
        guardLastQueues(s.api, [{ cno: "0020", qnos: ["0006", "0009"], after: [] }], async () => (ran = true), {
          waitSeconds: 1,
          pollMs: 50,
        }),
      ).rejects.toThrow(
        /agent 0020 0020 is in a call \(呼入通话\): waited 1 s for it to end \(clink:liveAgentWaitSeconds: 1\)\. The removal from its last queues 0006, 0009 is not done/,
      );
      expect(ran).toBe(false);
    } finally {
      await s.close();
    }
  });

  it("an offline agent (and one not on a call) costs the one agent_status request of the step, nothing more", async () => {
    // Doc 7.1's example as it stands: 0000 idle, 0020 not listed (offline).
    const s = await docServer(() => undefined);
    try {
      let ran = false;
      await guardLastQueues(
        s.api,
        [
          { cno: "0020", qnos: ["0006"] },
          { cno: "0000", qnos: ["0006"] },
        ],
        async () => (ran = true),
        { waitSeconds: 0, pollMs: 10 },
      );
      expect(ran).toBe(true);
      expect(s.paths()).toEqual(["/cc/agent_status"]);
    } finally {
      await s.close();
    }
  });

  it("asks nothing when no agent loses a queue, or each keeps a queue it declares", async () => {
    const s = await docServer(() => IN_A_CALL);
    try {
      await guardLastQueues(s.api, [], async () => undefined);
      await guardLastQueues(s.api, [{ cno: "0020", qnos: ["0009"], after: ["0006"] }], async () => undefined);
      expect(s.paths()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("reads the agent's queues from describe_client qnos, else its queues[].qno (doc 3.1.5)", async () => {
    const example = describeClientExample();
    const client = example.client as Obj;
    const { qnos: _qnos, ...withoutQnos } = client;
    let answer: Obj = example;
    const server = await testServer("s", (_req, res) => json(res, 200, answer));
    const api = new ClinkClient({ endpoint: server.url, accessKeyId: "k", accessKeySecret: "s", rate: 0 });
    try {
      expect(await queuesOf(api, "0020")).toEqual(["0006", "0009"]);
      answer = { ...example, client: withoutQnos };
      expect(await queuesOf(api, "0020")).toEqual(["0006", "0009"]);
    } finally {
      await api.close();
      await server.close();
    }
  });
});

describe("the steps that remove memberships, against the simulator", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ accessKeyId: "k", accessKeySecret: "lq-secret", rate: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "lq-secret", rate: 0 });
    for (const [cno, name] of [
      ["1001", "alice"],
      ["1002", "bob"],
    ])
      sim.admin.insert("client", { cno, name, active: 1, type: 2, createTime: 0, updateTime: 0 });
    for (const qno of ["2001", "2002"]) sim.admin.insert("queue", { id: Number(qno), qno, name: `q${qno}` });
  });
  afterEach(() => {
    delete process.env.CLINK_LIVE_AGENT_WAIT_SECONDS;
  });
  const member = (qno: string, cno: string) =>
    sim.admin.insert("membership", { key: `${qno}:${cno}`, qno, cno, penalty: 1 });
  const memberships = () => sim.admin.list("membership").map((m) => (m as { key: string }).key);
  const count = (p: string) => sim.log().filter((e) => e.path === p).length;

  it("QueueMember delete of an agent on a call whose last queue it is waits for the call to end, then removes", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "20";
    member("2001", "1001");
    sim.admin.setAgentState("1001", "BUSY");
    let ended = 0;
    setTimeout(() => {
      ended = Date.now();
      sim.admin.setAgentState("1001", "IDLE");
    }, 2500);
    await providers.queueMember.delete!("2001:1001", { qno: "2001", cno: "1001", penalty: 1 });
    expect(memberships()).toEqual([]);
    const removal = sim.log().find((e) => e.path === "/cc/batch_update_queue")!;
    expect(ended).toBeGreaterThan(0);
    expect(removal.at).toBeGreaterThanOrEqual(ended);
    expect(sim.admin.callsCut()).toBe(0);
  }, 30_000);

  it("QueueMember delete refused when the wait runs out: the membership is kept, the message names agent and queue", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    member("2001", "1001");
    sim.admin.setAgentState("1001", "通话");
    await expect(providers.queueMember.delete!("2001:1001", { qno: "2001", cno: "1001", penalty: 1 })).rejects.toThrow(
      /QueueMember 2001:1001: delete failed: agent 1001 alice is in a call \(通话\): clink:liveAgentWaitSeconds is 0.*The removal from its last queue 2001 is not done/,
    );
    expect(memberships()).toEqual(["2001:1001"]);
    expect(count("/cc/batch_update_queue")).toBe(0);
  });

  it("QueueMember delete of an agent on a call that keeps another queue goes at once", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    member("2001", "1001");
    member("2002", "1001");
    sim.admin.setAgentState("1001", "BUSY");
    await providers.queueMember.delete!("2001:1001", { qno: "2001", cno: "1001", penalty: 1 });
    expect(memberships()).toEqual(["2002:1001"]);
    expect(count("/cc/agent_status")).toBe(1);
  });

  it("Queue update whose members drop an agent on a call from its last queue waits; one that keeps another goes", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    member("2001", "1001");
    member("2001", "1002");
    member("2002", "1002");
    sim.admin.setAgentState("1001", "BUSY");
    sim.admin.setAgentState("1002", "BUSY");
    const olds = {
      qno: "2001",
      name: "q2001",
      members: [
        { cno: "1001", penalty: 1 },
        { cno: "1002", penalty: 1 },
      ],
    };
    const { inputs } = await providers.queue.check!(olds, { qno: "2001", name: "q2001", members: [] });
    await expect(providers.queue.update!("2001", olds, inputs!)).rejects.toThrow(
      /Queue 2001: update failed: agent 1001 alice is in a call.*removal from its last queue 2001 is not done/,
    );
    expect(memberships().sort()).toEqual(["2001:1001", "2001:1002", "2002:1002"]);
    // Both agents' states in one request for the step, then the wait's own look at alice.
    expect(count("/cc/agent_status")).toBe(2);
    expect(count("/cc/update_queue")).toBe(0);

    // bob alone leaving 2001 keeps 2002: no wait.
    const { inputs: keepAlice } = await providers.queue.check!(olds, {
      qno: "2001",
      name: "q2001",
      members: [{ cno: "1001", penalty: 1 }],
    });
    await providers.queue.update!("2001", olds, keepAlice!);
    expect(memberships().sort()).toEqual(["2001:1001", "2002:1002"]);
    expect(sim.admin.callsCut()).toBe(0);
  });

  it("Client update whose qnos drops its last queue waits for the call; an update that keeps a queue asks nothing", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    member("2001", "1001");
    sim.admin.setAgentState("1001", "RINGING");
    const base = { cno: "1001", name: "alice", areaCode: "010", password: "alice-pass-1" };
    const olds = { ...base, qnos: ["2001"] };
    const { inputs: none } = await providers.client.check!(olds, { ...base, qnos: [] });
    await expect(providers.client.update!("1001", olds, none!)).rejects.toThrow(
      /Client 1001: update failed: agent 1001 alice is ringing.*removal from its last queue 2001 is not done/,
    );
    expect(count("/cc/update_client")).toBe(0);
    expect(memberships()).toEqual(["2001:1001"]);

    const { inputs: moved } = await providers.client.check!(olds, { ...base, qnos: ["2002"] });
    await providers.client.update!("1001", olds, moved!);
    expect(memberships()).toEqual(["2002:1001"]);
    expect(count("/cc/agent_status")).toBe(2); // only the refused step's: its decision and its wait
  });

  it("Queue delete needs no look of its own: doc 3.2.5 refuses it while a member is logged in, and no call is cut", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    member("2001", "1001");
    sim.admin.setAgentState("1001", "BUSY");
    await expect(providers.queue.delete!("2001", { qno: "2001", name: "q2001" })).rejects.toThrow(
      /OnlineClientInQueue/,
    );
    // forceOfflineOnDelete logs members out through the guard, which waits for the call (here: refuses).
    await expect(
      providers.queue.delete!("2001", { qno: "2001", name: "q2001", forceOfflineOnDelete: true }),
    ).rejects.toThrow(/agent 1001 alice is in a call/);
    expect(memberships()).toEqual(["2001:1001"]);
    expect(sim.admin.callsCut()).toBe(0);
  });
});

describe("the preview's warning for an update that takes an agent out of its last queue (diff)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ accessKeyId: "k", accessKeySecret: "lq-diff", rate: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "lq-diff", rate: 0 });
    sim.admin.insert("client", { cno: "1001", name: "alice", active: 1, type: 2, createTime: 0, updateTime: 0 });
    for (const qno of ["2001", "2002"]) sim.admin.insert("queue", { id: Number(qno), qno, name: `q${qno}` });
    sim.admin.insert("membership", { key: "2001:1001", qno: "2001", cno: "1001", penalty: 1 });
  });
  const statusCalls = () => sim.counts()["GET /cc/agent_status"] ?? 0;

  const warnings = consoleErrors;
  const olds = { qno: "2001", name: "q2001", members: [{ cno: "1001", penalty: 1 }] };
  const news = { qno: "2001", name: "q2001", members: {} };

  it("names an agent in a call whose last queue the members drop", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const said = await warnings(() => providers.queue.diff!("2001", olds, news));
    expect(said).toEqual([
      "warning: pulumi-clink live agent: agent 1001 alice is in a call now: its removal from its last queue 2001 will wait up to 300 s for it to end (呼入通话)",
    ]);
    expect(statusCalls()).toBe(1);
  });

  it("names a logged-in agent left in no queue; says nothing of one that keeps another queue", async () => {
    sim.admin.setAgentState("1001", "IDLE");
    expect(await warnings(() => providers.queue.diff!("2001", olds, news))).toEqual([
      "warning: pulumi-clink live agent: agent 1001 alice is logged in now: its removal from its last queue 2001 leaves it in no queue, so it takes no queue call (空闲)",
    ]);
    sim.admin.insert("membership", { key: "2002:1001", qno: "2002", cno: "1001", penalty: 1 });
    sim.admin.setAgentState("1001", "BUSY");
    expect(await warnings(() => providers.queue.diff!("2001", olds, news))).toEqual([]);
  });

  it("a Client whose qnos become empty warns the same way", async () => {
    sim.admin.setAgentState("1001", "CALLING");
    const said = await warnings(() =>
      providers.client.diff!(
        "1001",
        { cno: "1001", name: "alice", qnos: ["2001"] },
        { cno: "1001", name: "alice", qnos: {} },
      ),
    );
    expect(said[0]).toMatch(/agent 1001 alice is placing a call now: its removal from its last queue 2001 will wait/);
  });

  it("a QueueMember moved to another agent warns for the agent it leaves; one moved to another queue does not", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const was = { qno: "2001", cno: "1001", penalty: 1 };
    const toBob = await warnings(async () => {
      const d = await providers.queueMember.diff!("2001:1001", was, { qno: "2001", cno: "1002", penalty: 1 });
      expect(d.replaces).toEqual(["cno"]);
    });
    expect(toBob).toEqual([
      "warning: pulumi-clink live agent: agent 1001 alice is in a call now: its removal from its last queue 2001 will wait up to 300 s for it to end (呼入通话)",
    ]);
    // Moved to queue 2002: the new membership is made before the old one goes, so alice keeps a queue.
    const before = statusCalls();
    const moved = await warnings(() =>
      providers.queueMember.diff!("2001:1001", was, { qno: "2002", cno: "1001", penalty: 1 }),
    );
    expect(moved).toEqual([]);
    expect(statusCalls()).toBe(before);
  });

  it("asks nothing for an update that drops no member, or for a logged-out agent beyond one look", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const said = await warnings(() =>
      providers.queue.diff!("2001", olds, { ...news, name: "renamed", members: { "1001": { penalty: 2 } } }),
    );
    expect(said).toEqual([]);
    expect(statusCalls()).toBe(0);
    sim.admin.setAgentOnline("1001", false);
    expect(await warnings(() => providers.queue.diff!("2001", olds, news))).toEqual([]);
    expect(statusCalls()).toBe(1);
    expect(sim.counts()["GET /cc/describe_client"]).toBeUndefined();
  });
});
