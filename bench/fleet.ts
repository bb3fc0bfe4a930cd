/**
 * The fleet benchmark (issue 26): K department stacks of one enterprise applied at once, each by
 * its own engine process, all on one access key, against the simulator with its documented rate
 * limit on (3 requests per second per endpoint). Each stack previews, then applies (as `pulumi up`
 * does). Three ways to share the limit:
 *
 * - machine: the default, every provider process of this machine draws on one budget file;
 * - redis: each stack's provider as on its own machine (no budget file in common), the budget held
 *   in a redis-server this run starts;
 * - separate: runners that share nothing, each backing off on 429.
 *
 * The bound is the busiest endpoint's calls over all stacks / 3: what one key allows at best.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startSimulator } from "../simulator";
import { startRedis } from "../test/engine/redis-server";
import {
  createStack,
  SIM_KEY_ID,
  SIM_KEY_SECRET,
  type Clink,
  type ProgramDir,
  type Pulumi,
} from "../test/engine/engine";

const RATE = 3;

export type FleetMode = "machine" | "redis" | "separate";

export interface FleetResult {
  stacks: number;
  agentsPerStack: number;
  mode: FleetMode;
  seconds: number;
  calls: number;
  throttled: number;
  bound: number;
  busiest: string;
  failed: number;
  errors: string[];
  /** When the run started (ISO), and the machine's 1-minute load average then. */
  at?: string;
  load?: number;
  /** Where the time went (`--fleet-profile`): each stack's phases and every API call, ms from the start. */
  timeline?: FleetTimeline;
  /** The command that measured it (RESULTS.md names the commands of the rows it shows). */
  command?: string;
}

export interface FleetTimeline {
  phases: Array<{ stack: number; phase: string; from: number; to: number }>;
  /** Resource steps as the engine reported them (up only): when each began and ended. */
  steps: Array<{ stack: number; urn: string; op: string; from: number; to?: number }>;
  calls: Array<{ at: number; ms: number; endpoint: string; status: number }>;
}

/** One department: its agents, their phones and the bindings (cno `<k><nnn>`, phone `8<k><nnn>`). */
export function department(k: number, agents: number, sdk: { clink: Clink; pulumi: Pulumi }): void {
  const { clink, pulumi } = sdk;
  for (let i = 0; i < agents; i++) {
    const n = `${k}${String(i).padStart(3, "0")}`;
    const agent = new clink.Client(`agent-${n}`, {
      cno: n,
      name: `agent_${n}`,
      areaCode: "010",
      password: pulumi.secret("fleet-Agent-pw-1"),
    });
    const phone = new clink.Exten(`phone-${n}`, {
      extenNumber: `8${n}`,
      password: pulumi.secret("fleet-Phone-pw-1"),
      areaCode: "010",
      type: 1,
      allow: 3,
    });
    new clink.ClientPhone(`binding-${n}`, { cno: agent.cno, tel: phone.extenNumber });
  }
}

export async function runFleet(
  where: ProgramDir,
  stacks: number,
  agentsPerStack: number,
  mode: FleetMode,
  profile = false,
): Promise<FleetResult> {
  const sim = await startSimulator({
    port: 0,
    accessKeyId: SIM_KEY_ID,
    accessKeySecret: SIM_KEY_SECRET,
    rate: RATE,
    seed: { extenLimit: stacks * agentsPerStack + 10 },
  });
  const redis = mode === "redis" ? await startRedis() : undefined;
  const budgetDir = fs.mkdtempSync(path.join(os.tmpdir(), "clink-fleet-budget-"));
  try {
    const handles = await Promise.all(
      Array.from({ length: stacks }, async (_, s) => {
        const k = s + 1;
        // Separate runners: each its own budget directory and no Redis, as on separate machines.
        const env: Record<string, string> =
          mode === "machine"
            ? { CLINK_RATE_BUDGET: "machine", CLINK_RATE_BUDGET_DIR: budgetDir }
            : mode === "redis"
              ? { CLINK_RATE_BUDGET: "process", CLINK_RATE_LIMIT_REDIS: redis!.url }
              : { CLINK_RATE_BUDGET: "process" };
        return createStack(where, (sdk) => department(k, agentsPerStack, sdk), {
          endpoint: sim.url,
          project: `clink-fleet-${k}`,
          env,
        });
      }),
    );
    const from = sim.log().length;
    const load = os.loadavg()[0];
    const started = Date.now();
    const at = new Date(started).toISOString();
    const timeline: FleetTimeline = { phases: [], steps: [], calls: [] };
    const phase = async (stack: number, name: string, run: () => Promise<unknown>) => {
      const t = Date.now() - started;
      try {
        await run();
      } finally {
        timeline.phases.push({ stack, phase: name, from: t, to: Date.now() - started });
      }
    };
    const outcomes = await Promise.allSettled(
      handles.map(async (h, s) => {
        const open = new Map<string, FleetTimeline["steps"][number]>();
        const onEvent = (e: {
          resourcePreEvent?: { metadata: { urn: string; op: string } };
          resOutputsEvent?: { metadata: { urn: string } };
        }) => {
          const at = Date.now() - started;
          const pre = e.resourcePreEvent?.metadata;
          if (pre) {
            const step = { stack: s + 1, urn: pre.urn.split("::").pop()!, op: pre.op, from: at };
            open.set(pre.urn, step);
            timeline.steps.push(step);
          }
          const done = e.resOutputsEvent?.metadata;
          if (done && open.has(done.urn)) open.get(done.urn)!.to = at;
        };
        await phase(s + 1, "preview", () => h.stack.preview({ parallel: 10000 }));
        await phase(s + 1, "up", () => h.stack.up({ parallel: 10000, ...(profile ? { onEvent } : {}) }));
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const entries = sim.log().slice(from);
    const perEndpoint: Record<string, number> = {};
    let throttled = 0;
    for (const e of entries) {
      if (e.status === 429) throttled++;
      else perEndpoint[`${e.method} ${e.path}`] = (perEndpoint[`${e.method} ${e.path}`] ?? 0) + 1;
    }
    const busiest = Object.entries(perEndpoint).sort((a, b) => b[1] - a[1])[0];
    const errors = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === "rejected")
      .map((o) => String(o.reason instanceof Error ? o.reason.message : o.reason).slice(-400));
    return {
      stacks,
      agentsPerStack,
      mode,
      seconds,
      calls: Object.values(perEndpoint).reduce((a, b) => a + b, 0),
      throttled,
      bound: busiest ? busiest[1] / RATE : 0,
      busiest: busiest?.[0] ?? "-",
      failed: errors.length,
      errors,
      at,
      load,
      ...(profile
        ? {
            timeline: {
              ...timeline,
              calls: entries.map((e) => ({
                at: e.at - started,
                ms: e.ms,
                endpoint: `${e.method} ${e.path}`,
                status: e.status,
              })),
            },
          }
        : {}),
    };
  } finally {
    redis?.stop();
    await sim.close();
  }
}

/** The runs kept for one stack size (bench/results/fleet-<agents>.json): the newest of each budget and K. */
export interface FleetRun {
  agentsPerStack: number;
  machine: string;
  node: string;
  /** The commands that measured the rows. */
  commands: string[];
  results: FleetResult[];
}

/** The issue's targets (issue 26): ratio to the bound and 429 share. */
const TARGET = { machine: 1.3, redis: 1.3, separate: 1.6 } as const;
const MAX_429_SHARE = 0.02;

const ratioOf = (r: FleetResult) => (r.bound > 0 ? r.seconds / r.bound : Infinity);
const shareOf = (r: FleetResult) => r.throttled / Math.max(1, r.calls + r.throttled);

/** Whether the row meets its target, and if not by how much it misses. */
export function verdict(r: FleetResult): string {
  const misses: string[] = [];
  if (r.failed > 0) misses.push(`${r.failed} failed`);
  const ratio = ratioOf(r);
  const target = TARGET[r.mode];
  if (ratio > target)
    misses.push(`${ratio.toFixed(2)}x > ${target}x (+${Math.round((100 * (ratio - target)) / target)}%)`);
  if (r.mode !== "separate" && shareOf(r) >= MAX_429_SHARE) misses.push("429s ≥ 2%");
  return misses.length === 0 ? "holds" : `misses: ${misses.join(", ")}`;
}

/** The fleet section of RESULTS.md, between its markers: one table per stack size, newest run of each. */
export function fleetSection(runs: FleetRun[]): string {
  const table = (run: FleetRun) => [
    `### Department stacks of ${run.agentsPerStack} agents`,
    "",
    `On ${run.machine}, Node ${run.node}. ${run.commands.map((c) => `\`${c}\``).join(", ")}. ` +
      "Started: when the row's run began; load: the machine's 1-minute load average then (2 cores: other work on " +
      "the machine slows the engines' start and their checks).",
    "",
    "| budget | stacks | started (UTC) | load | time (s) | bound (s) | ratio | calls | 429s | 429 share | failed stacks | target |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...run.results.map(
      (r) =>
        `| ${r.mode} | ${r.stacks} | ${r.at?.slice(0, 19).replace("T", " ") ?? "-"} | ${r.load?.toFixed(1) ?? "-"} | ` +
        `${r.seconds.toFixed(1)} | ${r.bound.toFixed(1)} | ${ratioOf(r).toFixed(2)} | ${r.calls} | ` +
        `${r.throttled} | ${(100 * shareOf(r)).toFixed(1)}% | ${r.failed} | ${verdict(r)} |`,
    ),
    "",
  ];
  return [
    FLEET_START,
    "",
    "## Many stacks on one key (`--fleet`)",
    "",
    "K department stacks of one enterprise (N agents, N phones and N bindings each), each stack previewed then " +
      "applied by its own engine process, all at once, one access key, against the simulator with its rate limit on " +
      "(3/s per endpoint). Budgets: `machine`, every process of the machine shares one budget file (the default); " +
      "`redis`, each stack as on its own machine, sharing a Redis budget; `separate`, runners that share nothing. " +
      "Bound: the busiest endpoint's calls over all stacks / 3 (list_client_tels: each binding looks its phone up " +
      "in the preview and again before it binds). Targets (issue 26): machine or Redis: every stack succeeds, " +
      "within 1.3x of the bound, 429s under 2% of calls; sharing nothing: every stack succeeds, within 1.6x.",
    "",
    ...[...runs].sort((a, b) => b.agentsPerStack - a.agentsPerStack).flatMap(table),
    "Where the time goes (docs/large-centers.md, Many stacks at once): a stack alone has nothing to overlap with " +
      "its preview's binding look-ups, which the engine checks one at a time, nor with the second engine its update " +
      "starts, so its row measures the engine, not the budget (the single-stack target is to be no slower than " +
      "before: 0.3.1 took 1.7-2.1x); a preview asks each kind's listing whether its new agents and phones exist " +
      "(2 calls a stack, not 30 describes); sharing a budget, stacks run staggered (the oldest process is served " +
      "first) and what is left is the first engine's start and the last stack's update; sharing nothing, runners " +
      "also lose the time a backed-off runner needs to get its rate back. Load on the machine stretches every " +
      "engine's start and checks.",
    "",
    FLEET_END,
  ].join("\n");
}

const MODES: FleetMode[] = ["machine", "redis", "separate"];

/**
 * Keeps one row in its size's file, replacing the previous row of that budget and K (so a run cut
 * short keeps what it measured, and a later run of some rows joins the others); returns every size.
 */
export function keepFleetResult(
  dir: string,
  result: FleetResult,
  about: { machine: string; node: string; command: string },
): FleetRun[] {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fleet-${result.agentsPerStack}.json`);
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as FleetRun & { at?: string; command?: string })
    : undefined;
  const others = (previous?.results ?? [])
    .filter((r) => !(r.mode === result.mode && r.stacks === result.stacks))
    .map((r) => ({ ...r, at: r.at ?? previous?.at }));
  const results = [...others, { ...result, command: about.command }].sort(
    (a, b) => MODES.indexOf(a.mode) - MODES.indexOf(b.mode) || a.stacks - b.stacks,
  );
  // Rows kept from a file written before rows named their command carry the file's commands.
  const older = previous?.commands ?? (previous?.command ? [previous.command] : []);
  const commands = results.flatMap((r) => (r.command ? [r.command] : older));
  const run: FleetRun = {
    agentsPerStack: result.agentsPerStack,
    machine: about.machine,
    node: about.node,
    commands: [...new Set(commands)],
    results,
  };
  fs.writeFileSync(file, `${JSON.stringify(run, null, 1)}\n`);
  return fs
    .readdirSync(dir)
    .filter((f) => /^fleet-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as FleetRun)
    .map((r) => ({ ...r, commands: r.commands ?? [(r as { command?: string }).command ?? ""] }));
}

export const FLEET_START = "<!-- fleet:start -->";
export const FLEET_END = "<!-- fleet:end -->";

/** Puts the fleet section into RESULTS.md, replacing the previous one. */
export function writeFleetResults(mdPath: string, section: string): void {
  fs.mkdirSync(path.dirname(mdPath), { recursive: true });
  const previous = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, "utf8") : "";
  const start = previous.indexOf(FLEET_START);
  const end = previous.indexOf(FLEET_END);
  const next =
    start >= 0 && end > start
      ? previous.slice(0, start) + section + previous.slice(end + FLEET_END.length)
      : `${previous.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(mdPath, next);
}
