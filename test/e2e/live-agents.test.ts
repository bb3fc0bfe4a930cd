/**
 * Issue 27, under the real engine against the simulator with its rate limit on (doc 2.6, 3 per
 * second per endpoint): no call is cut by a deployment. The simulator keeps agent states (doc 7.1)
 * and counts the calls doc 4.2.8 offline_client cuts. Every up is preceded by a preview, as
 * `pulumi up` does.
 */
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { changesOf, DESK_PHONE, engineSuite, recorder } from "./harness";

/** An agent's arguments: what create_client requires (doc 3.1.1), and more. */
const agent = (cno: string, name: string, more: Record<string, unknown> = {}) =>
  ({ cno, name, areaCode: "010", password: `pw-${cno}-secret`, ...more }) as never;

/** pulumi-clink's warnings the engine printed (diagnostic events of severity warning). */
function warningsOf(events: EngineEvent[]): string[] {
  return events
    .filter((e) => e.diagnosticEvent?.severity === "warning" && e.diagnosticEvent.message.includes("pulumi-clink"))
    .map((e) => e.diagnosticEvent!.message);
}

describe("a live center under deployments: no call is cut", () => {
  const { sim, stack } = engineSuite();
  const statusCalls = () => sim.log().filter((e) => e.path === "/cc/agent_status").length;

  it("a replacement of an agent in a call: the preview names it, the up waits for the call to end, no call is cut", async () => {
    sim.reset();
    let type = 2;
    const h = await stack(
      ({ clink }) => {
        new clink.Client("alice", agent("1001", "alice", { type, forceOfflineOnDelete: true }));
        new clink.Client("bob", agent("1002", "bob"));
      },
      { project: "clink-e2e-live-replace" },
    );
    await h.stack.preview();
    await h.stack.up();

    // A preview with no step that touches an agent asks nothing about agents.
    sim.admin.setAgentState("1001", "BUSY");
    const before = statusCalls();
    await h.stack.preview({ expectNoChanges: true });
    expect(statusCalls()).toBe(before);

    type = 1; // update_client has no type: the agent is replaced (doc 3.1.2)
    const events: EngineEvent[] = [];
    const rec = recorder();
    await h.stack.preview({
      onEvent: (e) => {
        events.push(e);
        rec.onEvent(e);
      },
    });
    expect(changesOf(rec.ops)).toContain("replace alice");
    expect(changesOf(rec.ops).filter((c) => !c.endsWith(" alice"))).toEqual([]);
    expect(warningsOf(events).join("\n")).toContain(
      "agent 1001 alice is in a call now: its delete will wait up to 300 s for it to end (呼入通话)",
    );

    const started = Date.now();
    setTimeout(() => sim.admin.setAgentState("1001", "IDLE"), 4000);
    const up = await h.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect((sim.admin.list("client") as Array<{ cno: string; type: number }>).find((c) => c.cno === "1001")?.type).toBe(
      1,
    );
    // Logged in and idle once the call ended: logged out (forceOfflineOnDelete), then deleted.
    expect(sim.log().filter((e) => e.path === "/cc/offline_client")).toHaveLength(1);
    expect(sim.admin.callsCut()).toBe(0);
    await h.stack.destroy();
  });

  it("an agent still in a call when the wait runs out: its delete fails, it is kept, the message names it", async () => {
    sim.reset();
    let withBob = true;
    const h = await stack(
      ({ clink }) => {
        new clink.Client("alice", agent("1001", "alice"));
        if (withBob) new clink.Client("bob", agent("1002", "bob", { forceOfflineOnDelete: true }));
      },
      { project: "clink-e2e-live-refuse", config: { "clink:liveAgentWaitSeconds": { value: "3" } } },
    );
    await h.stack.preview();
    await h.stack.up();
    sim.admin.setAgentState("1002", "通话");
    withBob = false;
    await h.stack.preview();
    await expect(h.stack.up()).rejects.toThrow(
      /agent 1002 bob is in a call \(通话\): waited 3 s for it to end \(clink:liveAgentWaitSeconds: 3\)\. The delete is not done and the object is kept/,
    );
    expect(sim.admin.list("client")).toHaveLength(2);
    const state = await h.stack.exportStack();
    const names = (state.deployment.resources as Array<{ urn: string }>).map((r) => r.urn.split("::").pop());
    expect(names).toContain("bob");
    expect(sim.log().filter((e) => e.path === "/cc/offline_client")).toEqual([]);
    expect(sim.admin.callsCut()).toBe(0);

    // The call over, the next up deletes the agent (logging it out first).
    sim.admin.setAgentState("1002", "IDLE");
    await h.stack.preview();
    const up = await h.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect((sim.admin.list("client") as Array<{ cno: string }>).map((c) => c.cno)).toEqual(["1001"]);
    expect(sim.admin.callsCut()).toBe(0);
    await h.stack.destroy();
  });

  it("a QueueMember delete of an agent on a call whose last queue it is waits for the call to end, then removes it", async () => {
    sim.reset();
    let withMember = true;
    const h = await stack(
      ({ clink }) => {
        const erin = new clink.Client("erin", agent("1005", "erin"));
        const sales = new clink.Queue("sales", { qno: "2001", name: "sales" });
        if (withMember) new clink.QueueMember("erin-sales", { qno: sales.qno, cno: erin.cno, penalty: 1 });
      },
      { project: "clink-e2e-live-last-queue" },
    );
    await h.stack.preview();
    await h.stack.up();
    expect(sim.admin.list("membership")).toHaveLength(1);

    sim.admin.setAgentState("1005", "BUSY");
    withMember = false;
    const rec = recorder();
    await h.stack.preview({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["delete erin-sales"]);
    // The call ends once the up has looked at the agent twice (it is waiting), not before.
    const looked = statusCalls();
    let ended = 0;
    const watch = setInterval(() => {
      if (ended === 0 && statusCalls() >= looked + 2) {
        ended = Date.now();
        sim.admin.setAgentState("1005", "IDLE");
      }
    }, 100);
    const up = await h.stack.up().finally(() => clearInterval(watch));
    expect(up.summary.result).toBe("succeeded");
    expect(sim.admin.list("membership")).toEqual([]);
    // The removal (doc 3.2.3 batch_update_queue) reached the server only after the call ended.
    const removal = sim
      .log()
      .filter((e) => e.path === "/cc/batch_update_queue")
      .pop()!;
    expect(ended).toBeGreaterThan(0);
    expect(removal.at).toBeGreaterThanOrEqual(ended);
    expect(sim.admin.callsCut()).toBe(0);
    sim.admin.setAgentOnline("1005", false); // her shift over: the destroy deletes her
    await h.stack.destroy();
  });

  it("a Queue whose members drop an agent in a call from its last queue: the preview names it, the up refuses at wait 0", async () => {
    sim.reset();
    let members = [{ cno: "1006", penalty: 1 }];
    const h = await stack(
      ({ clink }) => {
        const frank = new clink.Client("frank", agent("1006", "frank"));
        // members names the agent by number, not by output: the queue must wait for the agent.
        new clink.Queue("support", { qno: "2002", name: "support", members }, { dependsOn: [frank] });
      },
      {
        project: "clink-e2e-live-last-queue-members",
        config: { "clink:liveAgentWaitSeconds": { value: "0" } },
      },
    );
    await h.stack.preview();
    await h.stack.up();
    sim.admin.setAgentState("1006", "通话");
    members = [];
    const events: EngineEvent[] = [];
    await h.stack.preview({ onEvent: (e) => events.push(e) });
    expect(warningsOf(events).join("\n")).toContain(
      "agent 1006 frank is in a call now: its removal from its last queue 2002 will be refused (clink:liveAgentWaitSeconds is 0) (通话)",
    );
    await expect(h.stack.up()).rejects.toThrow(
      /Queue 2002: update failed: agent 1006 frank is in a call \(通话\): clink:liveAgentWaitSeconds is 0.*The removal from its last queue 2002 is not done/,
    );
    expect(sim.admin.list("membership")).toHaveLength(1);
    expect(sim.log().filter((e) => e.path === "/cc/update_queue")).toEqual([]);

    sim.admin.setAgentOnline("1006", false); // the call over, logged out: removed with no wait
    const up = await h.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(sim.admin.list("membership")).toEqual([]);
    expect(sim.admin.callsCut()).toBe(0);
    await h.stack.destroy();
  });

  it("a replacement under a ringing phone waits the same way; an offline agent is deleted with no wait", async () => {
    sim.reset();
    let type = 2;
    let withDave = true;
    const h = await stack(
      ({ clink }) => {
        const carol = new clink.Client("carol", agent("1003", "carol", { type, forceOfflineOnDelete: true }));
        const desk = new clink.Exten("desk", DESK_PHONE);
        new clink.ClientPhone("carol-phone", { cno: carol.cno, tel: desk.extenNumber });
        if (withDave) new clink.Client("dave", agent("1004", "dave"));
      },
      { project: "clink-e2e-live-ringing" },
    );
    await h.stack.preview();
    await h.stack.up();

    sim.admin.setAgentState("1003", "RINGING");
    type = 1;
    const events: EngineEvent[] = [];
    await h.stack.preview({ onEvent: (e) => events.push(e) });
    expect(warningsOf(events).join("\n")).toContain(
      "agent 1003 carol is ringing now: its delete will wait up to 300 s",
    );
    const started = Date.now();
    setTimeout(() => sim.admin.setAgentState("1003", "IDLE"), 4000);
    const up = await h.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect(sim.admin.callsCut()).toBe(0);

    // dave is logged out: deleted at once, one look at his state; the preview asks nothing.
    withDave = false;
    const before = statusCalls();
    const events2: EngineEvent[] = [];
    await h.stack.preview({ onEvent: (e) => events2.push(e) });
    expect(statusCalls()).toBe(before);
    expect(warningsOf(events2)).toEqual([]);
    const t0 = Date.now();
    await h.stack.up();
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect((sim.admin.list("client") as Array<{ cno: string }>).map((c) => c.cno)).toEqual(["1003"]);
    expect(statusCalls()).toBe(before + 1);
    expect(sim.admin.callsCut()).toBe(0);
    await h.stack.destroy();
  });
});
