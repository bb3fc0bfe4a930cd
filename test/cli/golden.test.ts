/**
 * The whole output of `export` (every file of the emitted program, the warnings, the summary's
 * counts) and of `review`, compared byte for byte with files under test/fixtures/golden: the
 * catalog of kinds (issue 25) moved the per-kind code without changing a byte of either. After a
 * change meant to alter the output, rewrite them with GOLDEN=write and read the diff.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCenter, type ExportResult } from "../../cli/export";
import { reviewEventLog } from "../../cli/review";
import { ClinkClient } from "../../provider/api";
import { startSimulator } from "../../simulator";
import { seedCenter, type SeedShape } from "../engine/seed-center";
import { agent, log, MASKED, prelude, queue, replacement, same, step, summary } from "./events";
import { beyondDocServer, docExampleServer } from "./beyond-doc-server";
import { exportArgs } from "./export-args";

const GOLDEN = path.resolve(__dirname, "..", "fixtures", "golden");
const KEY = { accessKeyId: "golden-key", accessKeySecret: "golden-secret-not-in-files" };
const SHAPE: SeedShape = { agents: 12, phones: 10, queues: 3, groups: 2, pauses: 3, entries: 6, free: 2 };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "clink-golden-"));
let n = 0;

function golden(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.GOLDEN === "write") fs.writeFileSync(file, text);
  expect(text, `${name} (GOLDEN=write rewrites it)`).toBe(fs.readFileSync(file, "utf8"));
}

/** Everything an export tells: the files in order, the warnings, the kinds and counts. */
function exportText(r: ExportResult, host: string): string {
  const out = [
    `kinds: ${[...r.model.byKind].map(([k, d]) => `${k} ${d.length}`).join(", ")}`,
    ...r.model.warnings.map((w) => `warning: ${w}`),
  ];
  for (const [file, text] of r.files) if (file !== "package.json" && file !== "index.ts") out.push(`==> ${file}`, text);
  // package.json and index.ts name the package source, which depends on the checkout: its kinds only.
  out.push("==> index.ts imports", ...[...r.files.get("index.ts")!.matchAll(/^import .*$/gm)].map((m) => m[0]));
  return out.join("\n").replaceAll(host, "HOST") + "\n";
}

const exportOf = async (url: string, ...flags: string[]) =>
  exportText(await exportCenter(exportArgs(path.join(scratch, `out-${n++}`), url, KEY, ...flags)), new URL(url).host);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("export, byte for byte", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rate: 0, ...KEY });
    const client = new ClinkClient({ endpoint: sim.url, ...KEY, rate: 0 });
    await seedCenter(client, SHAPE, 32);
    await client.close();
  });
  afterAll(() => sim.close());

  it("a seeded center, every kind", async () => golden("export-center.txt", await exportOf(sim.url)));

  it("the same center through filters", async () => {
    const runs = [
      ["--include", "queue"],
      ["--include", "clientPhone"],
      ["--exclude", "client"],
      ["--exclude", "exten", "--match", "client=100?"],
      ["--include", "restrictTel,pause,dynamicTelGroup,restrictTelSetting"],
    ];
    const texts: string[] = [];
    for (const flags of runs) texts.push(`### ${flags.join(" ")}`, await exportOf(sim.url, ...flags));
    golden("export-filters.txt", texts.join("\n"));
  });

  it("the document's example answers", async () => {
    const server = await docExampleServer(KEY.accessKeySecret);
    try {
      golden("export-doc-examples.txt", await exportOf(server.url));
    } finally {
      await server.close();
    }
  });

  it("a server answering beyond the document", async () => {
    const server = await beyondDocServer(KEY.accessKeySecret);
    try {
      golden("export-beyond-doc.txt", await exportOf(server.url));
    } finally {
      await server.close();
    }
  });
});

const exten = (n: string) => ({ extenNumber: n, password: MASKED, areaCode: "010", type: 1, allow: 3, jittBuffer: 0 });
const pause = (s: string, more = {}) => ({ pauseStatus: s, isRest: 0, isDefault: 0, ...more });
const entry = (tel: string, restrictType: number, more = {}) => ({
  tel,
  restrictType,
  type: { 1: true },
  telType: 1,
  ...more,
});
const group = (name: string, more = {}) => ({ name, selectedTels: { "01089193540": true }, status: 1, ...more });

describe("review, byte for byte", () => {
  it("every kind added, changed, replaced and removed", () => {
    const text = log(
      prelude(),
      same("Client", "eve", agent("1005", "eve")),
      replacement("Client", "alice", agent("1001", "alice"), agent("1009", "alice"), ["cno"]),
      step("update", "Client", "bob", agent("1002", "bob"), agent("1002", "bob", { wrapupTime: 60 })),
      step("create", "Client", "carol", undefined, agent("1003", "carol", { role: 1, qnos: { "0002": true } })),
      step("delete", "Client", "dave", agent("1004", "dave"), undefined, {
        oldOutputs: { cno: "1004", name: "dave", qnos: ["0002"] },
      }),
      step("delete", "Client", "frank", agent("1006", "frank"), undefined),
      step(
        "update",
        "Queue",
        "support",
        queue("0001", "售后支持", { members: { "1001": { penalty: 1 }, "1002": { penalty: 3 } } }),
        queue("0001", "售后服务", { members: { "1002": { penalty: 2 }, "1003": { penalty: 1 } }, strategy: 4 }),
      ),
      step(
        "update",
        "Queue",
        "night",
        queue("0003", "night", { members: { "1005": { penalty: 1 } } }),
        queue("0003", "night", { members: {} }),
      ),
      replacement("Queue", "sales", queue("0004", "sales"), queue("0005", "sales"), ["qno"]),
      step("delete", "Queue", "old", queue("0006", "old", { members: { "1005": { penalty: 1 } } }), undefined),
      step("create", "QueueMember", "bob-night", undefined, { qno: "0003", cno: "1002", penalty: 3 }),
      step("delete", "QueueMember", "eve-x", { qno: "0007", cno: "1005", penalty: 1 }, undefined),
      same("Exten", "desk", exten("8001")),
      step("create", "Exten", "new-desk", undefined, exten("8003")),
      step("delete", "Exten", "gone-desk", exten("8004"), undefined),
      replacement("Exten", "moved", exten("8005"), exten("8006"), ["extenNumber"]),
      step("delete", "ClientPhone", "eve-phone", { cno: "1005", tel: "8002" }, undefined),
      step("delete", "ClientPhone", "dave-phone", { cno: "1004", tel: "8007" }, undefined),
      step("create", "ClientPhone", "carol-phone", undefined, { cno: "1003", tel: "8003" }),
      replacement("ClientPhone", "bob-phone", { cno: "1002", tel: "8008" }, { cno: "1002", tel: "8009" }, ["tel"]),
      step("create", "DynamicTelGroup", "g1", undefined, group("组A")),
      step("update", "DynamicTelGroup", "g2", group("组B"), group("组B", { status: 0 })),
      step("delete", "DynamicTelGroup", "g3", group("组C"), undefined),
      step("create", "Pause", "lunch", undefined, pause("午餐", { isDefault: 1 })),
      step("update", "Pause", "rest", pause("休息"), pause("休息", { isRest: 1 })),
      step("delete", "Pause", "meet", pause("开会"), undefined),
      step("create", "RestrictTel", "b1", undefined, entry("13900001111", 1)),
      step("delete", "RestrictTel", "b2", entry("13900002222", 1), undefined),
      step("delete", "RestrictTel", "b3", entry("13900003333", 1), undefined),
      step("delete", "RestrictTel", "w1", entry("13900004444", 2), undefined),
      replacement("RestrictTel", "w2", entry("13900005555", 2), entry("13900005556", 2), ["tel"]),
      step("update", "RestrictTelSetting", "lists", { settingValue: 3 }, { settingValue: 6 }),
      step("delete", "RestrictTelSetting", "old-lists", { settingValue: 1 }, undefined),
      step("create", "random:index:RandomPet", "pet", undefined, { length: 2 }),
      summary(),
    );
    const small = reviewEventLog(text, { maxChars: 3000, title: "Cut" });
    golden("review.md", reviewEventLog(text) + "\n---\n" + small);
  });
});
