/**
 * Issue 24 under the real engine, with the simulator answering the strict way (ResourceNotFound
 * wherever a request names an object that does not exist; vitest.e2e.config.mts turns it on):
 * - the README's "Using it" center previews and applies on an empty center;
 * - an agent with a bound phone deleted in the console: refresh drops both, the next up restores
 *   both, and the preview after it is clean;
 * - `forceOfflineOnDelete` with offline_client answering not found: the destroy fails and the
 *   agent stays, in the state and on the server;
 * - the quickstart center applies on a center that already has the default pause 忙碌 (a new
 *   tenant's seed).
 * Every `up` previews first (harness.ts), as `pulumi up` does.
 */
import { describe, expect, it } from "vitest";
import { quickstartConfig, quickstartProgram } from "./quickstart";
import { changesOf, engineSuite, recorder } from "./harness";
import { present } from "../support/present";

describe("previews and applies on a strict server", () => {
  // consoleApi: what a person does in the Clink console, through the API.
  const { sim, where, console: consoleApi, stack } = engineSuite({ rate: 0 });

  it("runs on the strict simulator", () => {
    expect(sim.strict).toBe(true);
  });

  it("the README's center: preview and up on an empty center; an agent and its phone deleted in the console come back", async () => {
    sim.reset();
    // README.md, "Using it", as written there (passwords from the config).
    const h = await stack(
      ({ clink, pulumi }) => {
        const cfg = new pulumi.Config();
        const alice = new clink.Client("alice", {
          cno: "1001",
          name: "alice",
          areaCode: "010",
          password: cfg.requireSecret("alicePassword"),
          permission: { record: 3 },
        });
        new clink.Queue("support", {
          qno: "0001",
          name: "售后支持",
          strategy: clink.QueueStrategy.SkillsBased,
          wrapupTime: 20,
          members: [{ cno: alice.cno, penalty: 1 }],
        });
        const desk = new clink.Exten("desk-8001", {
          extenNumber: "8001",
          password: cfg.requireSecret("deskPassword"),
          areaCode: "010",
          type: clink.ExtenType.IpPhone,
          allow: clink.ExtenCodec.AlawUlawG729,
        });
        new clink.ClientPhone("alice-phone", { cno: alice.cno, tel: desk.extenNumber });
      },
      {
        project: "clink-e2e-strict-readme",
        config: {
          "clink-e2e-strict-readme:alicePassword": { value: "alice-Pw-2026", secret: true },
          "clink-e2e-strict-readme:deskPassword": { value: "desk-Pw-2026", secret: true },
        },
      },
    );

    const preview = await h.stack.preview();
    expect(preview.changeSummary.create).toBe(5); // four resources and the stack
    // The binding's look-up at preview met the strict answer for the agent not made yet.
    expect(sim.log().some((e) => e.path === "/cc/list_client_tels" && e.code === "ResourceNotFound")).toBe(true);
    await h.stack.up();
    await h.stack.preview({ expectNoChanges: true });
    const bound = () =>
      (sim.admin.list("clientTel") as Array<{ cno: string; tel: string; isBind: number }>)
        .filter((t) => t.isBind === 1)
        .map((t) => `${t.cno}:${t.tel}`);
    expect(bound()).toEqual(["1001:8001"]);

    // The agent deleted in the console: its binding and its membership go with it.
    await consoleApi.request("POST", "/cc/delete_client", { body: { cno: "1001" }, idempotent: true });
    expect(bound()).toEqual([]);
    const refreshed = recorder();
    await h.stack.refresh({ onEvent: refreshed.onEvent });
    const names = ((await h.stack.exportStack()).deployment.resources as Array<{ urn: string }>).map((r) =>
      r.urn.split("::").pop(),
    );
    expect(names).not.toContain("alice");
    expect(names).not.toContain("alice-phone");
    expect(names).toContain("desk-8001");

    // The preview shows both coming back (and the queue's member); the up makes them; then clean.
    const planned = recorder();
    await h.stack.preview({ onEvent: planned.onEvent });
    expect(changesOf(planned.ops).sort()).toEqual(["create alice", "create alice-phone", "update support"]);
    const applied = recorder();
    await h.stack.up({ onEvent: applied.onEvent });
    expect(changesOf(applied.ops).sort()).toEqual(["create alice", "create alice-phone", "update support"]);
    expect(bound()).toEqual(["1001:8001"]);
    expect(sim.admin.list("membership")).toEqual([expect.objectContaining({ qno: "0001", cno: "1001" })]);
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });

  it("forceOfflineOnDelete: offline_client answering not found fails the destroy and keeps the agent", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) =>
        void new clink.Client("carol", {
          cno: "1003",
          name: "carol",
          areaCode: "010",
          password: "carol-Pw-2026",
          forceOfflineOnDelete: true,
        }),
      { project: "clink-e2e-strict-offline" },
    );
    await h.stack.up();
    sim.admin.setAgentOnline("1003", true);
    // A key without rights to section 4, or a server without offline_client.
    sim.addFault({ path: "/cc/offline_client", kind: "not-found" });
    await expect(h.stack.destroy()).rejects.toThrow(
      /Client 1003: delete failed: logging agent 1003 out first .*ResourceNotFound.*Log the agent out/s,
    );
    const names = ((await h.stack.exportStack()).deployment.resources as Array<{ urn: string }>).map((r) =>
      r.urn.split("::").pop(),
    );
    expect(names).toContain("carol");
    expect((sim.admin.list("client") as Array<{ cno: string }>).map((c) => c.cno)).toEqual(["1003"]);
    // Once the agent is logged out, the destroy goes through.
    sim.clearFaults();
    sim.admin.setAgentOnline("1003", false);
    await h.stack.destroy();
    expect(sim.admin.list("client")).toEqual([]);
  });

  it("the quickstart center adopts the default pause 忙碌 a new tenant already has", async () => {
    sim.reset();
    // A new tenant's seed (doc 3.3.1's example): 忙碌, the default.
    sim.admin.insert("pause", { sort: 1, pauseStatus: "忙碌", isRest: 0, isDefault: 1 });
    const seeded = sim.admin.list("pause") as Array<{ id: number }>;
    const project = "clink-e2e-strict-quickstart";
    const h = await stack(quickstartProgram(where), { project, config: quickstartConfig(project) });
    await h.stack.up();
    await h.stack.preview({ expectNoChanges: true });
    const pauses = sim.admin.list("pause") as Array<{ id: number; pauseStatus: string; isDefault: number }>;
    expect(pauses.map((p) => p.pauseStatus).sort()).toEqual(["午休", "忙碌"]);
    // The tenant's own 忙碌 was taken over, not made again.
    expect(pauses.find((p) => p.pauseStatus === "忙碌")).toMatchObject({
      id: present(seeded[0], "a seeded pause").id,
      isDefault: 1,
    });
    await h.stack.destroy();
    // Left as the tenant had it.
    expect((sim.admin.list("pause") as Array<{ pauseStatus: string }>).map((p) => p.pauseStatus)).toEqual(["忙碌"]);
  });
});
