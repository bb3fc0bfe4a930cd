/**
 * The benchmark (issue 9): a generated center of each size, applied under the real engine against
 * the simulator with its documented rate limit on (3 requests/second per endpoint), phase by
 * phase: up from empty, preview unchanged, refresh, up after changing ~10%, destroy.
 *
 *   npm run bench                      # sizes 50, 200, 500; writes bench/RESULTS.md and bench/chart.svg
 *   npm run bench -- --long            # sizes 1,000 and 2,000, on request (hours with checkpoints)
 *   npm run bench -- --skip-checkpoints  # fast mode: PULUMI_SKIP_CHECKPOINTS=true
 *   npm run bench -- --sizes 20 --check  # the short CI run: asserts the count targets, writes nothing
 *   npm run bench -- --export --sizes 500  # only the export (issue 13), on a center seeded through the API
 *   npm run bench -- --report-only     # RESULTS.md and chart.svg again from bench/results
 *   npm run bench -- --fleet           # K = 1, 2, 4, 8 stacks at once on one key (issue 26; bench/fleet.ts)
 *   npm run bench -- --fleet --stacks 1,4 --fleet-agents 15,40 --budgets machine,separate
 *   (each stack size's run is kept in bench/results/fleet-<agents>.json; the section shows them all)
 *
 * Each size's run is kept in bench/results/<agents>-<mode>.json; the report is written from all of
 * them, so a long size run on another day joins the table.
 *
 * Per phase it records wall time, API calls per endpoint (the simulator's log), 429s received, the
 * lower bound the rate limit allows (max over endpoints of calls / rate), time/bound, calls per
 * managed object and the provider process's peak memory; after the first up, the state file's
 * bytes per resource kind (bench/state-size.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startSimulator } from "../simulator";
import { createStack, programDirAt, SIM_KEY_ID, SIM_KEY_SECRET } from "../test/engine/engine";
import { prepareProgramDir } from "../test/engine/program-dir";
import { center, resourceCount, shapeFor } from "./center";
import { fleetSection, keepFleetResult, runFleet, writeFleetResults, type FleetMode } from "./fleet";
import { PeakMemory, reapProviders } from "./memory";
import {
  loadRuns,
  machine,
  saveRun,
  writeExportResults,
  writeResults,
  type ExportBenchResult,
  type PhaseResult,
  type SizeResult,
} from "./report";
import { measureState, stateFile } from "./state-size";
import { ClinkClient } from "../provider/api";
import { seedCenter, type SeedShape } from "../test/engine/seed-center";

const RATE = 3;

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      long: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      // The engine runs at most `parallel` resource operations at once (the CLI's default is 8 on
      // this machine, 4 x CPUs). Operations waiting for their endpoint's pacing slot hold one, so a
      // low value starves the other endpoints: see bench/RESULTS.md (8, 64 and 1000 compared).
      // At 2,000 agents 1000 slots were too few (the bindings queued behind the agent creates):
      // at least the number of resources.
      parallel: { type: "string", default: "10000" },
      out: { type: "string" },
      // The engine rewrites the whole state file after every step (O(resources²) for a large
      // stack); PULUMI_SKIP_CHECKPOINTS saves it only at the end. Measured, not recommended by default.
      "skip-checkpoints": { type: "boolean", default: false },
      // Only `pulumi-clink export`: a center of each size seeded through signed API calls, read
      // with the limit on; its section of RESULTS.md is replaced, the rest kept.
      export: { type: "boolean", default: false },
      // Writes RESULTS.md and chart.svg again from the kept runs, running nothing.
      "report-only": { type: "boolean", default: false },
      // Many stacks at once on one key (bench/fleet.ts): its section of RESULTS.md is replaced.
      fleet: { type: "boolean", default: false },
      stacks: { type: "string", default: "1,2,4,8" },
      "fleet-agents": { type: "string", default: "15" },
      budgets: { type: "string", default: "machine,redis,separate" },
      // Writes each fleet run's timeline (phases, resource steps, API calls) to this directory.
      "fleet-profile": { type: "string" },
    },
  });
  if (values["report-only"]) {
    const md = values.out ?? path.join(__dirname, "RESULTS.md");
    writeResults(md, path.join(path.dirname(md), "chart.svg"), loadRuns(runsDir(values.out)));
    console.log(`bench: wrote ${md} and chart.svg from ${runsDir(values.out)}`);
    return;
  }
  if (values.fleet) {
    for (const agents of values["fleet-agents"]!.split(",").map(Number))
      await benchFleet(values.stacks!, agents, values.budgets!, values.out, values["fleet-profile"]);
    return;
  }
  const sizes = (values.sizes ?? (values.long ? "1000,2000" : "50,200,500")).split(",").map(Number);
  if (values.export) {
    const exports: ExportBenchResult[] = [];
    for (const agents of sizes) exports.push(await benchExport(agents));
    finishExport(exports, values.check!, values.out ?? path.join(__dirname, "RESULTS.md"));
    return;
  }
  const mode = values["skip-checkpoints"] ? "fast" : "checkpoints";
  const prepared = prepareProgramDir();
  const where = programDirAt(prepared.dir);
  const results: SizeResult[] = [];
  try {
    for (const agents of sizes) {
      // Kept phase by phase: a long size stopped before its end keeps what it measured, marked unfinished.
      const keep = (partial: SizeResult) => {
        if (!values.check) saveRun(runsDir(values.out), partial);
      };
      const r = await runSize(where, agents, Number(values.parallel), mode, prepared.sdkVersion, keep);
      results.push(r);
      keep(r);
    }
  } finally {
    prepared.cleanup();
  }
  for (const r of results) printSize(r);
  if (values.check) {
    // The export's count targets too (a short run: one describe per agent at 3/s).
    const exports: ExportBenchResult[] = [];
    for (const agents of sizes) exports.push(await benchExport(agents));
    const problems = [...checkTargets(results), ...checkExport(exports)];
    if (problems.length > 0) {
      console.error(`bench: targets missed:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log(
      "bench: count targets hold (0 x 429, unchanged preview makes no API call; export: no write, the expected calls)",
    );
  } else {
    const md = values.out ?? path.join(__dirname, "RESULTS.md");
    writeResults(md, path.join(path.dirname(md), "chart.svg"), loadRuns(runsDir(values.out)));
    console.log(`bench: wrote ${md}, chart.svg and ${runsDir(values.out)}`);
  }
}

async function benchFleet(stacksList: string, agents: number, budgets: string, out?: string, profileDir?: string) {
  const prepared = prepareProgramDir();
  const where = programDirAt(prepared.dir);
  try {
    for (const mode of budgets.split(",") as FleetMode[])
      for (const k of stacksList.split(",").map(Number)) {
        const r = await runFleet(where, k, agents, mode, profileDir !== undefined);
        if (profileDir) {
          fs.mkdirSync(profileDir, { recursive: true });
          fs.writeFileSync(path.join(profileDir, `${mode}-${k}x${agents}.json`), JSON.stringify(r, null, 1));
          delete r.timeline;
        }
        console.log(
          `bench fleet ${mode} ${k} stacks: ${r.seconds.toFixed(1)} s, bound ${r.bound.toFixed(1)} s (x${(r.seconds / Math.max(r.bound, 0.001)).toFixed(2)}), ` +
            `${r.calls} calls, ${r.throttled} x 429, ${r.failed} failed${r.errors.length ? `: ${r.errors.join(" | ")}` : ""}`,
        );
        // Written row by row: a run cut short keeps what it measured.
        const kept = keepFleetResult(runsDir(out), r, {
          machine: machine(),
          node: process.version,
          command: `npm run bench -- --fleet --stacks ${stacksList} --fleet-agents ${agents} --budgets ${budgets}`,
        });
        writeFleetResults(out ?? path.join(__dirname, "RESULTS.md"), fleetSection(kept));
      }
  } finally {
    await reapProviders(where.dir);
    prepared.cleanup();
  }
  console.log(`bench: wrote the fleet section of ${out ?? path.join(__dirname, "RESULTS.md")}`);
}

/** Where each run's raw data is kept: bench/results, or results/ beside `--out`. */
const runsDir = (out?: string) => path.join(out ? path.dirname(out) : __dirname, "results");

async function runSize(
  where: ReturnType<typeof programDirAt>,
  agents: number,
  parallel: number,
  mode: SizeResult["mode"],
  sdk: string,
  keep: (partial: SizeResult) => void,
): Promise<SizeResult> {
  const shape = shapeFor(agents);
  const sim = await startSimulator({
    port: 0,
    accessKeyId: SIM_KEY_ID,
    accessKeySecret: SIM_KEY_SECRET,
    rate: RATE,
    seed: { extenLimit: agents * 3 + 10 },
  });
  let variant = 0;
  const h = await createStack(where, (sdk) => center(shape, variant, sdk), {
    endpoint: sim.url,
    project: `clink-bench-${agents}`,
    // The state is saved once, at the end of each operation (docs/large-centers.md, fast mode).
    env: mode === "fast" ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {},
  });
  const phases: PhaseResult[] = [];
  let state: SizeResult["state"];
  const result = (unfinished?: string): SizeResult => ({
    agents,
    resources: resourceCount(shape),
    phases,
    mode,
    state,
    ran: { at: new Date().toISOString(), machine: machine(), node: process.version, sdk, parallel },
    ...(unfinished ? { unfinished } : {}),
  });
  const measure = async (name: string, run: () => Promise<unknown>) => {
    const from = sim.log().length;
    const memory = new PeakMemory(where.dir);
    const started = Date.now();
    await run();
    const seconds = (Date.now() - started) / 1000;
    const peakMb = memory.stop();
    const entries = sim.log().slice(from);
    const perEndpoint: Record<string, number> = {};
    const timeline: Record<string, { first: number; last: number }> = {};
    let throttled = 0;
    for (const e of entries) {
      if (e.status === 429) {
        throttled++;
        continue;
      }
      const k = `${e.method} ${e.path}`;
      perEndpoint[k] = (perEndpoint[k] ?? 0) + 1;
      // When each endpoint was busy, relative to the phase start: shows what waited for what.
      const t = (e.at - started) / 1000;
      const span = (timeline[k] ??= { first: t, last: t });
      span.first = Math.min(span.first, t);
      span.last = Math.max(span.last, t);
    }
    const calls = Object.values(perEndpoint).reduce((a, b) => a + b, 0);
    const busiest = Object.entries(perEndpoint).sort((a, b) => b[1] - a[1])[0];
    const bound = busiest ? busiest[1] / RATE : 0;
    phases.push({
      name,
      seconds,
      calls,
      throttled,
      bound,
      busiest: busiest?.[0] ?? "-",
      perEndpoint,
      timeline,
      peakMb,
    });
    console.log(
      `bench ${agents} agents, ${name}: ${seconds.toFixed(1)} s, ${calls} calls, ${throttled} x 429, bound ${bound.toFixed(1)} s` +
        (bound > 0 ? ` (x${(seconds / bound).toFixed(2)})` : ""),
    );
  };
  const measuredThrough = () => `measured through "${phases.at(-1)?.name}"; the phases after it did not run`;
  try {
    await measure("up", () => h.stack.up({ parallel }));
    state = measureState(stateFile(h.backendDir));
    keep(result(measuredThrough()));
    await measure("preview (unchanged)", () => h.stack.preview({ expectNoChanges: true, parallel }));
    keep(result(measuredThrough()));
    await measure("refresh", () => h.stack.refresh({ parallel }));
    keep(result(measuredThrough()));
    variant = 1;
    await measure("up (10% changed)", () => h.stack.up({ parallel }));
    keep(result(measuredThrough()));
    await measure("destroy", () => h.stack.destroy({ parallel }));
  } finally {
    const reaped = await reapProviders(where.dir);
    if (reaped > 0) console.log(`bench: ended ${reaped} provider process(es) that outlived the engine`);
    await sim.close();
  }
  return result();
}

function printSize(r: SizeResult) {
  console.log(`\n${r.agents} agents (${r.resources} resources), ${r.mode}`);
  for (const p of r.phases)
    console.log(
      `  ${p.name.padEnd(20)} ${p.seconds.toFixed(1).padStart(7)} s  calls ${String(p.calls).padStart(5)}  429s ${p.throttled}  ` +
        `bound ${p.bound.toFixed(1).padStart(6)} s  ratio ${p.bound > 0 ? (p.seconds / p.bound).toFixed(2) : "-"}  ` +
        `calls/object ${(p.calls / r.resources).toFixed(2)}  provider peak ${p.peakMb.toFixed(0)} MB  busiest ${p.busiest}`,
    );
}

/** The targets that are counts (CI must not depend on a shared machine's wall clock). */
function checkTargets(results: SizeResult[]): string[] {
  const problems: string[] = [];
  for (const r of results)
    for (const p of r.phases) {
      if (p.throttled > 0) problems.push(`${r.agents} agents, ${p.name}: ${p.throttled} requests answered 429`);
      if (p.name.startsWith("preview") && p.calls > 0)
        problems.push(`${r.agents} agents, ${p.name}: ${p.calls} API calls (expected none)`);
    }
  return problems;
}

/** The export bench's center: the engine bench's shape (bench/center.ts), seeded through signed calls. */
function exportShape(agents: number): SeedShape {
  const s = shapeFor(agents);
  return {
    agents,
    phones: agents,
    queues: s.queues * 2,
    groups: s.groups,
    pauses: s.pauses,
    entries: s.blacklist,
    free: Math.min(3, Math.floor(agents / 10)),
  };
}

/** Pages of a list endpoint for n objects at 100 per page (listAll: one call also when empty). */
const pages = (n: number) => Math.max(1, Math.ceil(n / 100));

/** What the export must call: one page per 100 objects, and only the describes no list replaces. */
function expectedCalls(s: SeedShape): Record<string, number> {
  // One row per number and direction (3.7.1): every third number is listed in both directions.
  const rows = (list: 1 | 2) =>
    Array.from({ length: s.entries }, (_, e) => e)
      .filter((e) => (e % 2 === 0 ? 1 : 2) === list)
      .reduce((n, e) => n + (e % 3 === 0 ? 2 : 1), 0);
  return {
    "GET /cc/list_clients": pages(s.agents),
    "GET /cc/describe_client": s.agents,
    "GET /cc/list_other_setting": s.agents,
    "GET /cc/list_queues": pages(s.queues),
    "GET /cc/describe_queue": s.queues,
    "GET /cc/list_extens": pages(s.phones),
    "GET /cc/page_dynamic_tel_group_rule": pages(s.groups),
    "GET /cc/list_enterprise_pauses": 1,
    "GET /cc/list_restrict_tel": pages(rows(1)) + pages(rows(2)),
    "GET /cc/describe_restrict_tel_setting": 1,
  };
}

async function benchExport(agents: number): Promise<ExportBenchResult> {
  const shape = exportShape(agents);
  const sim = await startSimulator({
    port: 0,
    accessKeyId: SIM_KEY_ID,
    accessKeySecret: SIM_KEY_SECRET,
    rate: 0,
    seed: { extenLimit: agents * 3 + 10 },
  });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "clink-bench-export-"));
  try {
    const seeder = new ClinkClient({
      endpoint: sim.url,
      accessKeyId: SIM_KEY_ID,
      accessKeySecret: SIM_KEY_SECRET,
      rate: 0,
    });
    await seedCenter(seeder, shape);
    await seeder.close();
    sim.setRate(RATE);
    // The command as built (npm run bench builds first), in this process.
    const { exportCenter, parseExportArgs } = require(
      path.join(__dirname, "..", "dist", "cli", "export"),
    ) as typeof import("../cli/export");
    const options = parseExportArgs([
      "--out",
      path.join(out, "center"),
      "--endpoint",
      sim.url,
      "--access-key-id",
      SIM_KEY_ID,
      "--access-key-secret",
      SIM_KEY_SECRET,
      "--rate",
      String(RATE),
      "--quiet",
    ]);
    if (options === "help") throw new Error("unexpected --help");
    const from = sim.log().length;
    const started = Date.now();
    const result = await exportCenter(options);
    const seconds = (Date.now() - started) / 1000;
    const entries = sim.log().slice(from);
    const perEndpoint: Record<string, number> = {};
    for (const e of entries)
      if (e.status !== 429) perEndpoint[`${e.method} ${e.path}`] = (perEndpoint[`${e.method} ${e.path}`] ?? 0) + 1;
    const busiest = Object.entries(perEndpoint).sort((a, b) => b[1] - a[1])[0];
    const r: ExportBenchResult = {
      agents,
      objects: [...result.model.byKind.values()].reduce((a, d) => a + d.length, 0),
      seconds,
      calls: Object.values(perEndpoint).reduce((a, b) => a + b, 0),
      throttled: entries.filter((e) => e.status === 429).length,
      writes: entries.filter((e) => e.method !== "GET").length,
      warnings: result.model.warnings.length,
      bound: busiest ? busiest[1] / RATE : 0,
      busiest: busiest?.[0] ?? "-",
      perEndpoint,
      expected: expectedCalls(shape),
    };
    console.log(
      `bench export ${agents} agents: ${seconds.toFixed(1)} s, ${r.calls} calls, ${r.throttled} x 429, ${r.writes} writes, ` +
        `bound ${r.bound.toFixed(1)} s (x${(seconds / r.bound).toFixed(2)}), ${r.objects} declarations`,
    );
    return r;
  } finally {
    await sim.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Counts, not the wall clock (CI shares its machine): no 429, no write, exactly the expected calls. */
function checkExport(results: ExportBenchResult[]): string[] {
  const problems: string[] = [];
  for (const r of results) {
    if (r.throttled > 0) problems.push(`export ${r.agents} agents: ${r.throttled} requests answered 429`);
    if (r.writes > 0) problems.push(`export ${r.agents} agents: ${r.writes} write calls`);
    if (r.warnings > 0) problems.push(`export ${r.agents} agents: ${r.warnings} warnings`);
    const got = JSON.stringify(Object.fromEntries(Object.entries(r.perEndpoint).sort()));
    const want = JSON.stringify(Object.fromEntries(Object.entries(r.expected).sort()));
    if (got !== want) problems.push(`export ${r.agents} agents: calls ${got}, expected ${want}`);
  }
  return problems;
}

function finishExport(results: ExportBenchResult[], check: boolean, md: string) {
  const problems = checkExport(results);
  if (problems.length > 0) {
    console.error(`bench: export targets missed:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  if (check) {
    console.log(
      "bench: export count targets hold (0 x 429, no write, one page per 100 objects and one describe per agent and queue)",
    );
    return;
  }
  writeExportResults(md, results);
  console.log(`bench: wrote the export section of ${md}`);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
