/**
 * The live-agent guard (issue 27): reading an agent's state with doc 7.1 agent_status, against the
 * document's literal example answer and against the simulator, and the waits every step that can
 * interrupt an agent makes before it does so.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClinkClient, configureProvider, providers } from "../../provider";
import { interrupts, readAgentStates, stateOf, untilFree, type AgentState } from "../../provider/plugin/agent-state";
import { logOut } from "../../provider/plugin/log-out";
import { startSimulator, type Simulator } from "../../simulator";
import { json, testServer } from "../api/server";
import { consoleErrors } from "../support/console-errors";
import { present } from "../support/present";

/** Doc 7.1's 返回示例, verbatim from the document (test/fixtures/clink-api-7.1-agent-status.txt). */
function docExample(): Record<string, unknown> {
  const text = fs.readFileSync(path.join(__dirname, "..", "fixtures", "clink-api-7.1-agent-status.txt"), "utf8");
  const from = text.indexOf("{", text.indexOf("返回示例"));
  const to = text.lastIndexOf("}");
  return JSON.parse(text.slice(from, to + 1)) as Record<string, unknown>;
}

describe("doc 7.1 agent_status answers", () => {
  it("reads the document's example answer: agent 0000 is logged in and idle (空闲)", () => {
    const example = docExample();
    const entry = present((example.agentStatus as Array<Record<string, unknown>>)[0], "an agentStatus entry");
    const state = stateOf(entry);
    expect(state).toEqual({ cno: "0000", name: "0000", activity: "idle", shown: "空闲" });
    expect(interrupts(state, true)).toBe(false);
  });

  it("reads the request's codes and the answer's words alike", () => {
    const of = (agentStatus: string, agentStatusDetail?: string) =>
      stateOf({ cno: "1001", agentStatus, agentStatusDetail }).activity;
    expect([of("IDLE"), of("空闲")]).toEqual(["idle", "idle"]);
    expect([of("PAUSE"), of("置忙", "午休")]).toEqual(["paused", "paused"]); // a custom pause name as detail
    expect([of("WRAPUP"), of("整理")]).toEqual(["wrapup", "wrapup"]);
    expect([of("CALLING"), of("呼叫中")]).toEqual(["calling", "calling"]);
    expect([of("RINGING"), of("响铃", "外呼振铃"), of("", "呼入振铃")]).toEqual(["ringing", "ringing", "ringing"]);
    expect([of("BUSY"), of("通话", "呼入通话"), of("", "外呼通话")]).toEqual(["busy", "busy", "busy"]);
  });

  it("takes a call the customer side shows (customerStatus 通话) over a quiet agent state", () => {
    const s = stateOf({ cno: "1001", agentStatus: "空闲", customerStatus: "通话" });
    expect(s.activity).toBe("busy");
  });

  it("treats a state it does not know as possibly on a call, and wrap-up as configured", () => {
    const unknown = stateOf({ cno: "1001", agentStatus: "SOMETHING_NEW" });
    expect(unknown.activity).toBe("unknown");
    expect(interrupts(unknown, false)).toBe(true);
    const wrapup: AgentState = { cno: "1001", activity: "wrapup", shown: "整理" };
    expect(interrupts(wrapup, true)).toBe(true);
    expect(interrupts(wrapup, false)).toBe(false);
  });

  it("asks with cnos[i] (the vendor SDK's form), and an agent the answer does not list is offline", async () => {
    const server = await testServer("s", (req, res) => json(res, 200, { ...docExample(), totalCount: 1 }));
    const api = new ClinkClient({ endpoint: server.url, accessKeyId: "k", accessKeySecret: "s", rate: 0 });
    try {
      const states = await readAgentStates(api, ["0000", "1001"]);
      expect(states.get("0000")?.activity).toBe("idle");
      expect(states.get("1001")).toEqual({ cno: "1001", activity: "offline", shown: "offline" });
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0]?.path).toBe("/cc/agent_status");
      expect(server.seen[0]?.query).toMatchObject({ "cnos[0]": "0000", "cnos[1]": "1001", offset: "0", limit: "100" });
    } finally {
      await api.close();
      await server.close();
    }
  });
});

describe("the guard against the simulator", () => {
  let sim: Simulator;
  let api: ClinkClient;
  const fast = { pollMs: 50 };

  beforeAll(async () => {
    sim = await startSimulator({ accessKeyId: "k", accessKeySecret: "guard-secret", rate: 0 });
    api = new ClinkClient({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "guard-secret", rate: 0 });
  });
  afterAll(async () => {
    await api.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    sim.admin.insert("client", { cno: "1001", name: "alice", active: 1, type: 2, createTime: 0, updateTime: 0 });
    configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "guard-secret", rate: 0 });
  });
  afterEach(() => {
    delete process.env.CLINK_LIVE_AGENT_WAIT_SECONDS;
  });

  const statusCalls = () => sim.counts()["GET /cc/agent_status"] ?? 0;

  it("lets an offline agent through after one look", async () => {
    const s = await untilFree(api, "1001", "delete", { waitSeconds: 300, ...fast });
    expect(s.activity).toBe("offline");
    expect(statusCalls()).toBe(1);
  });

  it("waits for a call to end, then lets the step through", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const started = Date.now();
    setTimeout(() => sim.admin.setAgentState("1001", "IDLE"), 400);
    const s = await untilFree(api, "1001", "delete", { waitSeconds: 30, ...fast });
    expect(s.activity).toBe("idle");
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(statusCalls()).toBeGreaterThan(1);
  });

  it("refuses once the wait runs out, naming the agent, its state and the time waited", async () => {
    sim.admin.setAgentState("1001", "通话");
    await expect(untilFree(api, "1001", "delete", { waitSeconds: 1, ...fast })).rejects.toThrow(
      /agent 1001 alice is in a call \(通话\): waited 1 s for it to end \(clink:liveAgentWaitSeconds: 1\)\. The delete is not done/,
    );
  });

  it("refuses at once with a wait of 0 (CLINK_LIVE_AGENT_WAIT_SECONDS)", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    sim.admin.setAgentState("1001", "RINGING");
    await expect(untilFree(api, "1001", "delete", fast)).rejects.toThrow(/is ringing \(呼入振铃\).*not waited for/);
    expect(statusCalls()).toBe(1);
  });

  it("refuses a wait setting that is not whole seconds, by name", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "ten";
    await expect(untilFree(api, "1001", "delete", fast)).rejects.toThrow(/CLINK_LIVE_AGENT_WAIT_SECONDS.*whole number/);
  });

  it("waits for wrap-up by default, and not when told so", async () => {
    sim.admin.setAgentState("1001", "END");
    await expect(untilFree(api, "1001", "delete", { waitSeconds: 0, ...fast })).rejects.toThrow(
      /in wrap-up after a call \(整理\)/,
    );
    const s = await untilFree(api, "1001", "delete", { waitSeconds: 0, waitForWrapup: false, ...fast });
    expect(s.activity).toBe("wrapup");
  });

  it("never logs out an agent on a call (doc 4.2.8 offline_client): no call is cut", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    sim.admin.setAgentState("1001", "CALLING");
    await expect(logOut(api, "1001")).rejects.toThrow(/agent 1001 alice is placing a call \(呼叫中\)/);
    expect(sim.counts()["POST /cc/offline_client"]).toBeUndefined();
    expect(sim.admin.callsCut()).toBe(0);
  });

  it("Client delete with forceOfflineOnDelete waits for the call, then logs out and deletes: no call cut", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "20";
    sim.admin.setAgentState("1001", "BUSY");
    setTimeout(() => sim.admin.setAgentState("1001", "IDLE"), 2500);
    await providers.client.delete!("1001", { cno: "1001", name: "alice", forceOfflineOnDelete: true });
    expect(sim.admin.list("client")).toEqual([]);
    expect(sim.counts()["POST /cc/offline_client"]).toBe(1);
    expect(sim.admin.callsCut()).toBe(0);
  }, 30_000);

  it("Client delete refused when the wait runs out keeps the agent and says why", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    sim.admin.setAgentState("1001", "BUSY");
    await expect(
      providers.client.delete!("1001", { cno: "1001", name: "alice", forceOfflineOnDelete: true }),
    ).rejects.toThrow(/Client 1001: delete failed: agent 1001 alice is in a call \(呼入通话\)/);
    expect(sim.admin.list("client")).toHaveLength(1);
    expect(sim.counts()["POST /cc/delete_client"]).toBeUndefined();
    expect(sim.admin.callsCut()).toBe(0);
  });

  it("ClientPhone delete (unbind) waits for a ringing phone the same way", async () => {
    process.env.CLINK_LIVE_AGENT_WAIT_SECONDS = "0";
    sim.admin.insert("clientTel", { key: "1001:8001", cno: "1001", tel: "8001", telType: 4, isBind: 1, verified: 1 });
    sim.admin.setAgentState("1001", "外呼振铃");
    await expect(
      providers.clientPhone.delete!("1001", { cno: "1001", tel: "8001", forceOfflineOnDelete: true }),
    ).rejects.toThrow(/ClientPhone 1001: delete failed: agent 1001 alice is ringing \(外呼振铃\).*unbind of its phone/);
    expect(sim.counts()["POST /cc/unbind_client_tel"]).toBeUndefined();
  });

  it("asks about many agents in one request when their deletes come together", async () => {
    for (let i = 2; i <= 30; i++)
      sim.admin.insert("client", {
        cno: String(1000 + i),
        name: `a${i}`,
        active: 1,
        type: 2,
        createTime: 0,
        updateTime: 0,
      });
    const all = Array.from({ length: 30 }, (_, i) => String(1001 + i));
    await Promise.all(all.map((cno) => untilFree(api, cno, "delete", { waitSeconds: 0, ...fast })));
    expect(statusCalls()).toBe(1);
  });
});

describe("a key that may not read agent states (clink:liveAgentUnreadable)", () => {
  const fast = { pollMs: 1 };
  async function deniedServer(code: string, status: number) {
    const server = await testServer("s", (_req, res) => json(res, status, { error: { code, message: "无权限" } }));
    const api = new ClinkClient({
      endpoint: server.url,
      accessKeyId: "k",
      accessKeySecret: "s",
      rate: 0,
      maxRetries: 0,
    });
    return { api, close: async () => (await api.close(), await server.close()) };
  }
  afterEach(() => {
    delete process.env.CLINK_LIVE_AGENT_UNREADABLE;
  });

  it("refuses by default, naming the setting that would let it go on", async () => {
    const { api, close } = await deniedServer("UnauthorizedOperation", 403);
    try {
      await expect(untilFree(api, "1001", "delete", fast)).rejects.toThrow(
        /could not be read.*not done.*clink:liveAgentUnreadable to proceed/,
      );
    } finally {
      await close();
    }
  });

  it("with proceed, goes on unguarded and says so", async () => {
    process.env.CLINK_LIVE_AGENT_UNREADABLE = "proceed";
    const { api, close } = await deniedServer("UnauthorizedOperation", 403);
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.join(" "));
    try {
      expect((await untilFree(api, "1001", "delete", fast)).activity).toBe("offline");
    } finally {
      console.log = log;
      await close();
    }
    expect(lines.join("\n")).toMatch(/agent 1001: .*UnauthorizedOperation.*goes on unguarded.*may be cut/);
  });

  it("with proceed, any other failure to read still refuses", async () => {
    process.env.CLINK_LIVE_AGENT_UNREADABLE = "proceed";
    const { api, close } = await deniedServer("InternalError", 500);
    try {
      await expect(untilFree(api, "1001", "delete", fast)).rejects.toThrow(/could not be read/);
    } finally {
      await close();
    }
  });

  it("refuses a setting other than refuse or proceed, by name", async () => {
    process.env.CLINK_LIVE_AGENT_UNREADABLE = "yes";
    const { api, close } = await deniedServer("UnauthorizedOperation", 403);
    try {
      await expect(untilFree(api, "1001", "delete", fast)).rejects.toThrow(
        /CLINK_LIVE_AGENT_UNREADABLE\) must be "refuse" or "proceed"/,
      );
    } finally {
      await close();
    }
  });
});

describe("the preview's warning for a replacement (diff)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ accessKeyId: "k", accessKeySecret: "diff-secret", rate: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    sim.admin.insert("client", { cno: "1001", name: "alice", active: 1, type: 2, createTime: 0, updateTime: 0 });
    configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "diff-secret", rate: 0 });
  });
  const statusCalls = () => sim.counts()["GET /cc/agent_status"] ?? 0;

  const warnings = consoleErrors;

  it("names an agent in a call whose replacement will wait", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const said = await warnings(async () => {
      const d = await providers.client.diff!(
        "1001",
        { cno: "1001", name: "alice", type: 2 },
        { cno: "1001", name: "alice", type: 1 },
      );
      expect(d.replaces).toEqual(["type"]);
    });
    expect(said).toEqual([
      "warning: pulumi-clink live agent: agent 1001 alice is in a call now: its delete will wait up to 300 s for it to end (呼入通话)",
    ]);
    expect(statusCalls()).toBe(1);
  });

  it("names a logged-in agent, and says whether forceOfflineOnDelete logs it out", async () => {
    sim.admin.setAgentState("1001", "IDLE");
    const said = await warnings(() =>
      providers.client.diff!(
        "1001",
        { cno: "1001", type: 2, forceOfflineOnDelete: true },
        { cno: "1001", type: 1, forceOfflineOnDelete: true },
      ),
    );
    expect(said[0]).toMatch(/agent 1001 alice is logged in now: its delete logs it out first \(forceOfflineOnDelete\)/);
  });

  it("says nothing and asks nothing for an update, or for a logged-out agent", async () => {
    sim.admin.setAgentState("1001", "BUSY");
    const said = await warnings(() =>
      providers.client.diff!("1001", { cno: "1001", name: "alice" }, { cno: "1001", name: "alicia" }),
    );
    expect(said).toEqual([]);
    expect(statusCalls()).toBe(0);
    sim.admin.setAgentOnline("1001", false);
    const quiet = await warnings(() =>
      providers.client.diff!("1001", { cno: "1001", type: 2 }, { cno: "1001", type: 1 }),
    );
    expect(quiet).toEqual([]);
    expect(statusCalls()).toBe(1);
  });
});
