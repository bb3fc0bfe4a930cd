/**
 * The benchmark's report. Every run of a size is kept as raw data in bench/results/<agents>-<mode>.json
 * (mode `checkpoints`, the engine's default, or `fast`, PULUMI_SKIP_CHECKPOINTS=true), so sizes
 * measured on different days (the long ones are run on request) sit in one report; bench/RESULTS.md
 * and bench/chart.svg are written from all of them. Each size's ratios come from that size's run.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { StateSize } from "./state-size";

export interface PhaseResult {
  name: string;
  seconds: number;
  calls: number;
  throttled: number;
  /** The rate limit's lower bound for the phase: max over endpoints of calls / rate, in seconds. */
  bound: number;
  busiest: string;
  perEndpoint: Record<string, number>;
  /** Seconds from the phase start to each endpoint's first and last request. */
  timeline: Record<string, { first: number; last: number }>;
  peakMb: number;
}

export interface SizeResult {
  agents: number;
  resources: number;
  phases: PhaseResult[];
  /** `checkpoints` (the engine saves the state after every step) or `fast` (PULUMI_SKIP_CHECKPOINTS). */
  mode: "checkpoints" | "fast";
  /** The state file after the first up. */
  state?: StateSize;
  /** When and where it ran. */
  ran: { at: string; machine: string; node: string; sdk: string; parallel: number };
  /** Phases that were not run to the end (a size too slow for this machine), with what is known. */
  unfinished?: string;
}

const NOTES_START = "<!-- notes: kept across runs -->";
const EXPORT_START = "<!-- export: written by `npm run bench -- --export`, kept by other runs -->";
const EXPORT_END = "<!-- export: end -->";

/** One run of `pulumi-clink export` on a seeded center (bench/run.ts --export). */
export interface ExportBenchResult {
  agents: number;
  /** Declarations written. */
  objects: number;
  seconds: number;
  calls: number;
  throttled: number;
  writes: number;
  warnings: number;
  /** The read bound: the busiest endpoint's calls / rate, in seconds. */
  bound: number;
  busiest: string;
  perEndpoint: Record<string, number>;
  /** One page per 100 objects, one describe per agent (and its gains) and per queue. */
  expected: Record<string, number>;
}

/** The export section of a RESULTS.md (between its markers), or "" when there is none. */
function exportSection(md: string): string {
  const a = md.indexOf(EXPORT_START);
  const b = md.indexOf(EXPORT_END);
  return a >= 0 && b > a ? md.slice(a, b + EXPORT_END.length) + "\n\n" : "";
}

/** Replaces (or adds, before the notes) the export section of RESULTS.md; the rest stays as it is. */
export function writeExportResults(mdPath: string, results: ExportBenchResult[]): void {
  const previous = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, "utf8") : `${NOTES_START}\n`;
  const lines = [
    EXPORT_START,
    "",
    "## Export (`pulumi-clink export`)",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ` +
      "simulator rate limit 3/s per endpoint. Command: `npm run bench -- --export --sizes " +
      `${results.map((r) => r.agents).join(",")}\`. The center is the engine bench's shape, seeded through signed API calls ` +
      "(agents with phones bound, queues with members, number groups, pauses, list entries); the bound is the busiest " +
      "endpoint's calls / 3 per second (all endpoints are read at once).",
    "",
    "| agents | declarations | time (s) | API calls | 429s | writes | bound (s) | ratio | busiest endpoint |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map(
      (r) =>
        `| ${r.agents} | ${r.objects} | ${r.seconds.toFixed(1)} | ${r.calls} | ${r.throttled} | ${r.writes} | ${r.bound.toFixed(1)} | ` +
        `${r.bound > 0 ? (r.seconds / r.bound).toFixed(2) : "-"} | ${r.busiest} |`,
    ),
    "",
    "Calls per endpoint (each equal to the expected count: one page per 100 objects, one describe per agent and queue):",
    "",
    `| endpoint | ${results.map((r) => `${r.agents} agents`).join(" | ")} |`,
    `|---|${results.map(() => "---:").join("|")}|`,
    ...Object.keys(results[0]?.perEndpoint ?? {})
      .sort()
      .map((k) => `| ${k} | ${results.map((r) => r.perEndpoint[k] ?? 0).join(" | ")} |`),
    "",
    EXPORT_END,
  ];
  const section = lines.join("\n");
  const old = exportSection(previous);
  const next = old
    ? previous.replace(old.trimEnd(), section)
    : previous.includes(NOTES_START)
      ? previous.replace(NOTES_START, `${section}\n\n${NOTES_START}`)
      : `${previous}\n${section}\n`;
  fs.writeFileSync(mdPath, next);
}

export const runFile = (dir: string, r: Pick<SizeResult, "agents" | "mode">) =>
  path.join(dir, `${r.agents}-${r.mode}.json`);

export function saveRun(dir: string, r: SizeResult): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(runFile(dir, r), JSON.stringify(r, null, 1) + "\n");
}

export function loadRuns(dir: string): SizeResult[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as SizeResult)
    .sort((a, b) => a.agents - b.agents || a.mode.localeCompare(b.mode));
}

export function machine(): string {
  return `${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
}

const phase = (r: SizeResult, name: string) => r.phases.find((p) => p.name === name);

/** The issue's targets, as ratios within one run of one size. */
export interface Targets {
  up?: number;
  changed?: number;
  destroy?: number;
  previewPerThousand?: number;
  agentBytes?: number;
  phoneBytes?: number;
}

export function targetsOf(r: SizeResult): Targets {
  const up = phase(r, "up");
  const preview = phase(r, "preview (unchanged)");
  const changed = phase(r, "up (10% changed)");
  const destroy = phase(r, "destroy");
  const kind = (t: string) => r.state?.kinds.find((k) => k.type === `clink:${t}`)?.bytes;
  return {
    up: up && up.bound > 0 ? up.seconds / up.bound : undefined,
    changed: changed && preview ? changed.seconds / (changed.bound + preview.seconds) : undefined,
    destroy: destroy && destroy.bound > 0 ? destroy.seconds / destroy.bound : undefined,
    previewPerThousand: preview ? (preview.seconds / r.resources) * 1000 : undefined,
    agentBytes: kind("Client"),
    phoneBytes: kind("Exten"),
  };
}

const fmt = (v: number | undefined, digits = 2) => (v === undefined ? "-" : v.toFixed(digits));
const mark = (v: number | undefined, limit: number) => (v === undefined ? "" : v <= limit ? " ✓" : " ✗");

export function writeResults(mdPath: string, svgPath: string, results: SizeResult[]): void {
  fs.mkdirSync(path.dirname(mdPath), { recursive: true });
  const previous = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, "utf8") : "";
  const notes = previous.includes(NOTES_START) ? previous.slice(previous.indexOf(NOTES_START)) : `${NOTES_START}\n`;
  const modeName = (m: SizeResult["mode"]) =>
    m === "fast" ? "fast mode (PULUMI_SKIP_CHECKPOINTS=true)" : "checkpoints";
  const lines = [
    "# Benchmark results",
    "",
    "`npm run bench` (sizes 50, 200, 500 agents), `npm run bench -- --long` (1,000 and 2,000, on request),",
    "`--skip-checkpoints` for fast mode. Simulator rate limit 3/s per endpoint (the API's, doc 2.6). Ratio = wall",
    "time / the rate limit's lower bound for the phase (the busiest endpoint's calls / 3 per second). The unchanged",
    "preview makes no API call: its time is the engine's own cost for the program. Chart: [chart.svg](chart.svg).",
    "Raw data per run: `bench/results/`.",
    "",
    "## The targets (issue 15), each from one run of one size",
    "",
    "| agents | resources | mode | up / bound (≤ 1.5) | 10% up / (bound + preview) (≤ 3) | destroy / bound (≤ 2.2) | preview s per 1,000 resources (linear) | bytes per agent (≤ 1,500) | bytes per phone (≤ 1,500) |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const t = targetsOf(r);
    lines.push(
      `| ${r.agents} | ${r.resources} | ${r.mode} | ${fmt(t.up)}${mark(t.up, 1.5)} | ${fmt(t.changed)}${mark(t.changed, 3)} | ` +
        `${fmt(t.destroy)}${mark(t.destroy, 2.2)} | ${fmt(t.previewPerThousand, 1)} | ${fmt(t.agentBytes, 0)}${mark(t.agentBytes, 1500)} | ` +
        `${fmt(t.phoneBytes, 0)}${mark(t.phoneBytes, 1500)} |`,
    );
  }
  lines.push("");
  for (const r of results) {
    lines.push(`## ${r.agents} agents (${r.resources} resources), ${modeName(r.mode)}`, "");
    lines.push(
      `Run ${r.ran.at} on ${r.ran.machine}, Node ${r.ran.node}, @pulumi/pulumi ${r.ran.sdk}, engine parallelism ${r.ran.parallel}.`,
      "",
    );
    if (r.unfinished) lines.push(`**Not run to the end:** ${r.unfinished}`, "");
    lines.push(
      "| phase | time (s) | API calls | 429s | bound (s) | ratio | calls/object | provider peak (MB) | busiest endpoint |",
    );
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const p of r.phases)
      lines.push(
        `| ${p.name} | ${p.seconds.toFixed(1)} | ${p.calls} | ${p.throttled} | ${p.bound.toFixed(1)} | ${p.bound > 0 ? (p.seconds / p.bound).toFixed(2) : "-"} | ` +
          `${(p.calls / r.resources).toFixed(2)} | ${p.peakMb.toFixed(0)} | ${p.busiest} |`,
      );
    if (r.state) {
      lines.push(
        "",
        `State after the up: ${(r.state.fileBytes / 1024).toFixed(0)} KiB. Bytes per resource in the file as written, and of those:`,
        "",
        "| resource | count | bytes each | `__provider` (inputs + outputs) | other inputs and outputs | the engine's record (URN, parent, provider, dependencies, times, stack trace) |",
        "|---|---:|---:|---:|---:|---:|",
      );
      for (const k of r.state.kinds)
        lines.push(
          `| ${k.type} | ${k.count} | ${k.bytes.toFixed(0)} | ${k.provider.toFixed(0)} | ${k.props.toFixed(0)} | ${(k.bytes - k.provider - k.props).toFixed(0)} |`,
        );
    }
    lines.push("", "<details><summary>calls per endpoint, and when each endpoint was busy</summary>", "");
    for (const p of r.phases) {
      if (Object.keys(p.perEndpoint).length === 0) {
        lines.push(`- ${p.name}: no API call`, "");
        continue;
      }
      lines.push(
        `- ${p.name}:`,
        "",
        "  | endpoint | calls | first (s) | last (s) | rate while busy (/s) |",
        "  |---|---:|---:|---:|---:|",
      );
      for (const [k, v] of Object.entries(p.perEndpoint)
        .sort((a, b) => a[1] - b[1])
        .reverse()) {
        const t = p.timeline[k];
        const rate = t && v > 1 && t.last > t.first ? ((v - 1) / (t.last - t.first)).toFixed(2) : "-";
        lines.push(`  | ${k} | ${v} | ${t?.first.toFixed(1) ?? "-"} | ${t?.last.toFixed(1) ?? "-"} | ${rate} |`);
      }
      lines.push("");
    }
    lines.push("</details>", "");
  }
  fs.writeFileSync(mdPath, `${lines.join("\n")}\n${exportSection(previous)}${notes}`);
  fs.writeFileSync(svgPath, chart(results));
}

const PHASES = ["up", "preview (unchanged)", "refresh", "up (10% changed)", "destroy"];

/**
 * One panel per phase: seconds against agents, solid for the engine's default (checkpoints),
 * dotted for fast mode, dashed for the rate limit's bound.
 */
function chart(results: SizeResult[]): string {
  const PW = 300;
  const PH = 220;
  const cols = 3;
  const m = { l: 56, r: 16, t: 34, b: 40 };
  const W = cols * PW;
  const H = Math.ceil((PHASES.length + 1) / cols) * PH + 20;
  const maxX = Math.max(...results.map((r) => r.agents), 1);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
  ];
  const styles = [
    { label: "checkpoints", color: "#1f77b4", dash: "" },
    { label: "fast mode", color: "#ff7f0e", dash: "2,3" },
    { label: "rate-limit bound", color: "#555", dash: "6,4" },
  ];
  PHASES.forEach((name, i) => {
    const ox = (i % cols) * PW;
    const oy = Math.floor(i / cols) * PH + 10;
    const line = (mode: SizeResult["mode"], f: (p: PhaseResult) => number) =>
      results
        .filter((r) => r.mode === mode && phase(r, name))
        .map((r) => [r.agents, f(phase(r, name)!)] as [number, number]);
    const series = [
      { ...styles[0], points: line("checkpoints", (p) => p.seconds) },
      { ...styles[1], points: line("fast", (p) => p.seconds) },
      {
        ...styles[2],
        points: [...new Map([...line("checkpoints", (p) => p.bound), ...line("fast", (p) => p.bound)]).entries()].sort(
          (a, b) => a[0] - b[0],
        ),
      },
    ].filter((s) => s.points.length > 0 && (s.label !== "rate-limit bound" || s.points.some((p) => p[1] > 0)));
    const maxY = Math.max(...series.flatMap((s) => s.points.map((p) => p[1])), 1);
    const x = (v: number) => ox + m.l + (v / maxX) * (PW - m.l - m.r);
    const y = (v: number) => oy + PH - m.b - (v / maxY) * (PH - m.t - m.b);
    out.push(`<text x="${ox + m.l}" y="${oy + 18}" font-size="13">${name}</text>`);
    out.push(`<line x1="${ox + m.l}" y1="${y(0)}" x2="${ox + PW - m.r}" y2="${y(0)}" stroke="black"/>`);
    out.push(`<line x1="${ox + m.l}" y1="${y(0)}" x2="${ox + m.l}" y2="${y(maxY)}" stroke="black"/>`);
    for (let k = 0; k <= 4; k++) {
      const v = (maxY * k) / 4;
      out.push(`<text x="${ox + m.l - 4}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`);
      out.push(`<line x1="${ox + m.l}" y1="${y(v)}" x2="${ox + PW - m.r}" y2="${y(v)}" stroke="#eee"/>`);
    }
    for (const a of [...new Set(results.map((r) => r.agents))])
      out.push(`<text x="${x(a)}" y="${y(0) + 14}" text-anchor="middle">${a}</text>`);
    out.push(`<text x="${ox + (PW + m.l) / 2}" y="${y(0) + 30}" text-anchor="middle">agents</text>`);
    for (const s of series) {
      const pts = s.points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" ");
      out.push(
        `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
      );
      for (const [a, b] of s.points)
        out.push(`<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    }
  });
  // The legend, in the free cell.
  const li = PHASES.length;
  const lx = (li % cols) * PW + 40;
  const ly = Math.floor(li / cols) * PH + 50;
  out.push(`<text x="${lx}" y="${ly - 16}" font-size="13">seconds per phase against center size</text>`);
  styles.forEach((s, k) => {
    out.push(
      `<line x1="${lx}" y1="${ly + k * 20}" x2="${lx + 30}" y2="${ly + k * 20}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    out.push(`<text x="${lx + 38}" y="${ly + k * 20 + 4}">${s.label}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}
