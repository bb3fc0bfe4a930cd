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
  /** Where the time went (`--fleet-profile`): each stack's phases and every API call, ms from the start. */
  timeline?: FleetTimeline;
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
    const started = Date.now();
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

/** The fleet section of RESULTS.md, between its markers. */
export function fleetSection(results: FleetResult[], command: string): string {
  const ratio = (r: FleetResult) => (r.bound > 0 ? (r.seconds / r.bound).toFixed(2) : "-");
  const share = (r: FleetResult) => `${((100 * r.throttled) / Math.max(1, r.calls + r.throttled)).toFixed(1)}%`;
  return [
    FLEET_START,
    "",
    "## Many stacks on one key (`--fleet`)",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ` +
      `simulator rate limit 3/s per endpoint. Command: \`${command}\`. K department stacks of ` +
      `${results[0]?.agentsPerStack ?? 0} agents, phones and bindings each, each stack previewed then applied by its own ` +
      "engine process, all at once, one access key. Bound: the busiest endpoint's calls over all stacks / 3. " +
      "Targets: one machine or Redis: every stack succeeds, time within 1.3x of the bound, 429s under 2% of calls; " +
      "sharing nothing: every stack succeeds, within 1.6x.",
    "",
    "| budget | stacks | time (s) | bound (s) | ratio | calls | 429s | 429 share | failed stacks |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.mode} | ${r.stacks} | ${r.seconds.toFixed(1)} | ${r.bound.toFixed(1)} | ${ratio(r)} | ${r.calls} | ` +
        `${r.throttled} | ${share(r)} | ${r.failed} |`,
    ),
    "",
    FLEET_END,
  ].join("\n");
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
