/**
 * The fault soak (issue 9): a medium center is created, changed and destroyed under the real
 * engine while the simulator injects every fault kind into every write endpoint the phase uses
 * (500, 429, a slow answer past the client's timeout, the connection dropped before the change,
 * the connection dropped after it was applied). `up` (or `destroy`) is repeated until it succeeds,
 * at most 8 times. Then: the simulator holds exactly the declaration, nothing exists twice,
 * nothing undeclared was touched, preview is clean, state holds no secret.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { center, changed as changedIn, type CenterShape } from "../../bench/center";
import { startSimulator } from "../../simulator";
import type { FaultKind } from "../../simulator/faults";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir, type StackHandle } from "../e2e/harness";
import { checkExportedState } from "../e2e/state-checks";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type Row = Record<string, unknown>;

const KINDS: FaultKind[] = ["500", "429", "slow", "drop-before", "drop-after"];
const CLIENT_TIMEOUT_MS = 1500;
// Enough objects of each kind that every write endpoint sees at least five requests per phase.
const SHAPE: CenterShape = { agents: 12, queues: 6, groups: 6, pauses: 6, blacklist: 12 };

const CREATE_ENDPOINTS = [
  "/cc/create_client",
  "/cc/create_exten",
  "/cc/bind_client_tel",
  "/cc/create_queue",
  "/cc/batch_update_queue",
  "/cc/create_dynamic_tel_group_rule",
  "/cc/create_enterprise_pause",
  "/cc/create_restrict_tel",
];
const UPDATE_ENDPOINTS = [
  "/cc/update_client",
  "/cc/update_exten",
  "/cc/update_queue",
  "/cc/update_dynamic_tel_group_rule",
  "/cc/update_enterprise_pause",
  "/cc/delete_restrict_tel",
  "/cc/create_restrict_tel",
];
const DELETE_ENDPOINTS = [
  "/cc/delete_client",
  "/cc/delete_exten",
  "/cc/unbind_client_tel",
  "/cc/delete_queue",
  "/cc/batch_update_queue",
  "/cc/delete_dynamic_tel_group_rule",
  "/cc/delete_enterprise_pause",
  "/cc/delete_restrict_tel",
];

describe("fault soak", () => {
  let sim: Sim;
  let where: ProgramDir;
  const report: string[] = [];

  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({
      port: 0,
      accessKeyId: SIM_KEY_ID,
      accessKeySecret: SIM_KEY_SECRET,
      rate: 0,
      seed: { extenLimit: 500 },
    });
  });
  afterAll(async () => {
    await sim?.close();
    if (report.length === 0) return; // the soak did not run: keep the last report
    const file = path.resolve(__dirname, "..", "..", "bench", "fault-soak.md");
    fs.writeFileSync(
      file,
      [
        "# Fault soak: last run",
        "",
        `${new Date().toISOString()}, Node ${process.version}, \`npm run test:faults\``,
        "",
        ...report,
        "",
      ].join("\n"),
    );
    console.log(report.join("\n"));
  });

  /** Faults for every kind at every endpoint, then the operation until it succeeds (at most 8 runs). */
  async function underFaults(phase: string, endpoints: string[], op: () => Promise<unknown>) {
    const from = sim.log().length;
    for (const p of endpoints)
      for (const kind of KINDS) sim.addFault({ path: p, kind, count: 1, delayMs: CLIENT_TIMEOUT_MS + 1000 });
    let runs = 0;
    for (;;) {
      runs++;
      try {
        await op();
        break;
      } catch (e) {
        if (runs >= 8) throw e;
      }
    }
    const injected = sim
      .log()
      .slice(from)
      .filter((e) => e.fault);
    report.push(
      `## ${phase}: succeeded after ${runs} run(s)`,
      "",
      "| endpoint | " + KINDS.join(" | ") + " |",
      "|---|" + KINDS.map(() => "---:").join("|") + "|",
    );
    for (const p of endpoints) {
      const counts = KINDS.map((k) => injected.filter((e) => e.path === p && e.fault === k).length);
      report.push(`| ${p} | ${counts.join(" | ")} |`);
    }
    report.push("");
    return { injected };
  }

  function outOfBand() {
    sim.admin.insert("client", { cno: "9999", name: "outsider", areaCode: "010", type: 2, active: 1, permission: {} });
    sim.admin.insert("pause", { id: 900, sort: 90, pauseStatus: "外部", isRest: 0, isDefault: 0 });
    sim.admin.insert("dynamicTelGroup", {
      id: 900,
      name: "external",
      selectedTels: ["01089193540"],
      status: 1,
      advancedConfigPermission: 0,
    });
    sim.admin.insert("restrictTel", {
      key: "2:1:13911112222",
      seq: 900,
      restrictType: 2,
      type: 1,
      tel: "13911112222",
      telType: 1,
      description: null,
      createTime: 0,
      expirationTime: null,
    });
  }

  function expectOutOfBandUntouched() {
    expect(sim.admin.list("client")).toContainEqual(expect.objectContaining({ cno: "9999", name: "outsider" }));
    expect(sim.admin.list("pause")).toContainEqual(expect.objectContaining({ pauseStatus: "外部", isDefault: 0 }));
    expect(sim.admin.list("dynamicTelGroup")).toContainEqual(expect.objectContaining({ name: "external", status: 1 }));
    expect(sim.admin.list("restrictTel")).toContainEqual(
      expect.objectContaining({ tel: "13911112222", restrictType: 2 }),
    );
  }

  /** The simulator holds exactly the declaration (plus the out-of-band objects), nothing twice. */
  function expectDeclared(variant: number) {
    const changed = (i: number) => changedIn(i, variant);
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    const ours = (kind: string, f: (r: Row) => boolean) => (sim.admin.list(kind) as Row[]).filter(f);

    const clients = ours("client", (c) => c.cno !== "9999");
    expect(clients.map((c) => c.cno).sort()).toEqual(Array.from({ length: SHAPE.agents }, (_, i) => pad(1000 + i, 4)));
    for (const c of clients) expect(c.wrapupTime, String(c.cno)).toBe(changed(Number(c.cno) - 1000) ? 45 : 30);

    const extens = ours("exten", () => true);
    expect(extens).toHaveLength(SHAPE.agents);
    for (const e of extens) expect(e.allow).toBe(changed(Number(e.extenNumber) - 80000) ? 5 : 3);
    const bound = ours("clientTel", (t) => t.isBind === 1)
      .map((t) => `${String(t.cno)}>${String(t.tel)}`)
      .sort();
    expect(bound).toEqual(Array.from({ length: SHAPE.agents }, (_, i) => `${pad(1000 + i, 4)}>${pad(80000 + i, 5)}`));

    const queues = ours("queue", () => true);
    expect(queues).toHaveLength(SHAPE.queues * 2);
    const members = (qno: string) =>
      ours("membership", (m) => m.qno === qno && m.cno !== "9999")
        .map((m) => `${String(m.cno)}:${String(m.penalty)}`)
        .sort();
    for (let q = 0; q < SHAPE.queues; q++) {
      const mine = Array.from({ length: SHAPE.agents }, (_, i) => i).filter((i) => i % SHAPE.queues === q);
      expect(members(pad(5000 + q, 4))).toEqual(mine.map((i, k) => `${pad(1000 + i, 4)}:${1 + (k % 10)}`).sort());
      expect(members(pad(q + 1, 4))).toEqual([`${pad(1000 + mine[0], 4)}:5`]);
    }

    const groups = ours("dynamicTelGroup", (g) => g.name !== "external");
    expect(groups.map((g) => g.name).sort()).toEqual(Array.from({ length: SHAPE.groups }, (_, g) => `group-${g}`));

    const pauses = ours("pause", (p) => p.pauseStatus !== "外部");
    expect(pauses.map((p) => p.pauseStatus).sort()).toEqual(
      Array.from({ length: SHAPE.pauses }, (_, p) => `状态${p}`).sort(),
    );
    expect(pauses.filter((p) => p.isDefault === 1).map((p) => p.pauseStatus)).toEqual(["状态0"]);

    const entries = ours("restrictTel", (e) => e.restrictType === 1);
    const expected = Array.from({ length: SHAPE.blacklist }, (_, b) =>
      (b % 3 === 0 ? [1, 2] : [1]).map((t) => `${t}:1390000${pad(b, 4)}:${changed(b) ? "confirmed" : "reported"}`),
    ).flat();
    expect(entries.map((e) => `${String(e.type)}:${String(e.tel)}:${String(e.description)}`).sort()).toEqual(
      expected.sort(),
    );
    expectOutOfBandUntouched();
  }

  it("creates, changes and destroys a center under every fault kind at every write endpoint, losing nothing", async () => {
    outOfBand();
    let variant = 0;
    const h: StackHandle = await createStack(where, (sdk) => center(SHAPE, variant, sdk), {
      endpoint: sim.url,
      project: "clink-fault-soak",
      config: { "clink:responseTimeoutMs": { value: String(CLIENT_TIMEOUT_MS) } },
    });
    const up = () => h.stack.up({ continueOnError: true } as never);

    const everyKindEverywhere = (injected: Array<{ path: string; fault?: string }>, endpoints: string[]) => {
      for (const p of endpoints)
        for (const k of KINDS)
          expect(
            injected.some((e) => e.path === p && e.fault === k),
            `${k} at ${p}`,
          ).toBe(true);
    };
    const created = await underFaults("create (up from empty)", CREATE_ENDPOINTS, up);
    everyKindEverywhere(created.injected, CREATE_ENDPOINTS);
    expectDeclared(0);
    await h.stack.preview({ expectNoChanges: true });
    // An out-of-band member of a queue whose members the program does not list: must survive.
    sim.admin.insert("membership", { key: "0001:9999", qno: "0001", cno: "9999", penalty: 3 });

    variant = 2;
    const updated = await underFaults("update (every object changed)", UPDATE_ENDPOINTS, up);
    everyKindEverywhere(updated.injected, UPDATE_ENDPOINTS);
    expectDeclared(2);
    expect(sim.admin.list("membership")).toContainEqual({ key: "0001:9999", qno: "0001", cno: "9999", penalty: 3 });
    await h.stack.preview({ expectNoChanges: true });
    await checkExportedState(h.stack, {
      secrets: ["bench-Agent-pw-1", "bench-Phone-pw-1", SIM_KEY_SECRET],
      backendDir: h.backendDir,
    });

    const destroyed = await underFaults("destroy", DELETE_ENDPOINTS, () =>
      h.stack.destroy({ continueOnError: true } as never),
    );
    everyKindEverywhere(destroyed.injected, DELETE_ENDPOINTS);
    for (const kind of ["exten", "queue", "membership"]) expect(sim.admin.list(kind), kind).toEqual([]);
    expect(sim.admin.list("client").map((c) => (c as Row).cno)).toEqual(["9999"]);
    expectOutOfBandUntouched();
  });
});
