/**
 * Issue 13's round trip under the real engine: a center made through signed API calls (never
 * through pulumi-clink's resources) is exported with the built command, as a user runs it; the
 * exported project runs as a Pulumi program on disk (TypeScript through the engine's ts-node).
 * Its first `up` makes no write call and leaves every object and every password as it was; the
 * next preview shows no change; deleting one agent's declaration deletes exactly that agent.
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { cnoOf, seedCenter, type SeedShape } from "../engine/seed-center";
import { changesOf, engineSuite, recorder, SIM_KEY_ID, SIM_KEY_SECRET } from "./harness";
import { present } from "../support/present";

const root = path.resolve(__dirname, "..", "..");
const run = promisify(execFile);

/** At least what the issue asks: 30 agents with passwords, 5 queues, 30 phones, 2 groups, 3 pauses, 10 entries. */
const SHAPE: SeedShape = { agents: 32, phones: 30, queues: 5, groups: 2, pauses: 3, entries: 10, free: 3 };
/** In no queue and with no phone: its declaration can go alone. */
const FREE_AGENT = cnoOf(SHAPE.agents - 1);

/**
 * The exported project as a program: compiled by tsc with the project's own tsconfig.json (the
 * type check `tsc --noEmit` makes), and its index.ts, compiled, loaded as the program body. The
 * engine runs it as an Automation API inline program: the CLI the repository builds
 * (scripts/ensure-pulumi.sh) has no Node language host for programs on disk.
 */
function compile(dir: string): void {
  execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", dir, "--outDir", path.join(dir, "bin")], {
    stdio: "inherit",
  });
}
function compiled(dir: string): () => void {
  compile(dir);
  // Node's own require (as the language host loads a program), fresh for each run.
  const load = createRequire(path.join(dir, "package.json"));
  return () => {
    const bin = path.join(dir, "bin") + path.sep;
    for (const key of Object.keys(load.cache)) if (key.startsWith(bin)) delete load.cache[key];
    load(path.join(bin, "index.js"));
  };
}

/** dir/node_modules: every package of the e2e program directory, plus typescript and @types/node. */
function linkDependencies(from: string, dir: string): void {
  const target = path.join(dir, "node_modules");
  fs.mkdirSync(target, { recursive: true });
  const link = (src: string, dst: string) => {
    if (!fs.existsSync(dst)) fs.symlinkSync(src, dst);
  };
  for (const name of fs.readdirSync(path.join(from, "node_modules"))) {
    const src = path.join(from, "node_modules", name);
    if (name.startsWith("@")) {
      fs.mkdirSync(path.join(target, name), { recursive: true });
      for (const sub of fs.readdirSync(src)) link(path.join(src, sub), path.join(target, name, sub));
    } else if (!name.startsWith(".")) link(src, path.join(target, name));
  }
  fs.mkdirSync(path.join(target, "@types"), { recursive: true });
  link(path.join(root, "node_modules", "typescript"), path.join(target, "typescript"));
  link(path.join(root, "node_modules", "@types", "node"), path.join(target, "@types", "node"));
}

const KINDS = [
  "client",
  "clientTel",
  "clientSetting",
  "clientSecret",
  "queue",
  "membership",
  "exten",
  "extenSecret",
  "dynamicTelGroup",
  "pause",
  "restrictTel",
  "restrictTelSetting",
];

describe("export round trip", () => {
  const { sim, where, console: client, stack: stackOf } = engineSuite({ rate: 0 });
  let dir: string;
  const snapshot = () => Object.fromEntries(KINDS.map((k) => [k, sim.admin.list(k) as Array<Record<string, unknown>>]));
  const writesSince = (from: number) =>
    sim
      .log()
      .slice(from)
      .filter((e) => e.method !== "GET");

  beforeAll(async () => {
    await seedCenter(client, SHAPE);
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clink-export-")), "center");
  });

  it("exports a center that the first up takes over without one write, and then manages it", async () => {
    const seeded = snapshot();
    const afterSeed = sim.log().length;
    expect(seeded.clientSecret).toHaveLength(SHAPE.agents);
    expect(seeded.extenSecret).toHaveLength(SHAPE.phones);

    // The command, as built and shipped, reading the CLINK_* environment as the provider does.
    const cli = await run(process.execPath, [path.join(root, "dist", "cli", "main.js"), "export", "--out", dir], {
      env: {
        ...process.env,
        CLINK_ENDPOINT: sim.url,
        CLINK_ACCESS_KEY_ID: SIM_KEY_ID,
        CLINK_ACCESS_KEY_SECRET: SIM_KEY_SECRET,
      },
    });
    expect(cli.stdout).toContain(
      `wrote 14 files to ${dir}: 2 number groups, 32 agents, 30 phones, 5 queues, 29 bindings, 3 pauses, 10 list entries, 1 list switch.`,
    );
    expect(cli.stderr).toMatch(/agents 32\/32/);
    expect(cli.stderr).not.toContain("warning");
    const written = fs.readdirSync(dir);
    for (const f of written) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text, f).not.toContain(SIM_KEY_SECRET);
      expect(text, f).not.toMatch(/Agent-pw-|Ph-pw-/);
    }
    expect(cli.stdout + cli.stderr).not.toContain(SIM_KEY_SECRET);
    // Reading made no write.
    expect(writesSince(afterSeed)).toEqual([]);
    expect(snapshot()).toEqual(seeded);

    // The project's dependencies as `npm install` lays them out: the packed pulumi-clink and
    // @pulumi/pulumi of the e2e program directory (linked, so the program registers with the SDK
    // the engine runs), typescript and @types/node for the compiler.
    linkDependencies(where.dir, dir);
    const program = compiled(dir);
    const { stack } = await stackOf(program, { project: "clink-center" });
    const from = sim.log().length;
    const rec = recorder();
    const up = await stack.up({ onEvent: rec.onEvent });
    expect(up.summary.result).toBe("succeeded");
    // 2 + 32 + 30 + 5 + 29 + 3 + 10 + 1 resources, each created by adopting (or, the switch, as it is).
    expect(rec.of("create")).toHaveLength(112);
    expect(writesSince(from)).toEqual([]);
    expect(sim.log().length).toBeGreaterThan(from); // it did look: every adoption reads its object
    // Nothing on the server changed: every object, and every password's fingerprint and time.
    expect(snapshot()).toEqual(seeded);
    // Each object was taken over: `adopted` for those a create would collide with; a binding to
    // the declared phone and the list switch are the same object already (no collision, no write).
    const state = await stack.exportStack();
    const byType = new Map<string, boolean[]>();
    for (const r of state.deployment.resources as Array<{ type: string; outputs?: { adopted?: boolean } }>) {
      if (!r.type.startsWith("pulumi-nodejs:dynamic/")) continue;
      const t = r.type.replace("pulumi-nodejs:dynamic/", "");
      byType.set(t, [...(byType.get(t) ?? []), r.outputs?.adopted === true]);
    }
    expect(Object.fromEntries([...byType].map(([t, a]) => [t, `${a.filter(Boolean).length}/${a.length}`]))).toEqual({
      "clink:DynamicTelGroup": "2/2",
      "clink:Client": "32/32",
      "clink:Exten": "30/30",
      "clink:Queue": "5/5",
      "clink:ClientPhone": "0/29",
      "clink:Pause": "3/3",
      "clink:RestrictTel": "10/10",
      "clink:RestrictTelSetting": "0/1",
    });

    const preview = await stack.preview({ expectNoChanges: true });
    expect(Object.keys(preview.changeSummary ?? {})).toEqual(["same"]);
    expect(writesSince(from)).toEqual([]);

    // One agent's declaration deleted: exactly that agent goes, nothing else is touched.
    const agentsFile = path.join(dir, "agents.ts");
    const blocks = fs.readFileSync(agentsFile, "utf8").split("\n\n");
    const kept = blocks.filter((b) => !b.startsWith(`export const agent_${FREE_AGENT} = `));
    expect(kept).toHaveLength(blocks.length - 1);
    fs.writeFileSync(agentsFile, kept.join("\n\n"));
    compile(dir);
    const before = snapshot();
    const deleted = recorder();
    const from2 = sim.log().length;
    await stack.up({ onEvent: deleted.onEvent });
    expect(changesOf(deleted.ops)).toEqual([`delete agent_${FREE_AGENT}`]);
    expect(writesSince(from2).map((e) => `${e.method} ${e.path}`)).toEqual(["POST /cc/delete_client"]);
    const after = snapshot();
    expect(after.client).toEqual(present(before.client, "the clients before").filter((c) => c.cno !== FREE_AGENT));
    expect(after.clientSecret).toEqual(
      present(before.clientSecret, "the client secrets before").filter((c) => c.cno !== FREE_AGENT),
    );
    for (const k of KINDS.filter((k) => k !== "client" && k !== "clientSecret")) expect(after[k], k).toEqual(before[k]);
    await stack.preview({ expectNoChanges: true });
  });
});
