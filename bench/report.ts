/** Writes bench/RESULTS.md (tables) and bench/chart.svg (time against size, next to the bound). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

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

export function writeResults(
  mdPath: string,
  svgPath: string,
  results: SizeResult[],
  sdk: string,
  parallel: number,
): void {
  fs.mkdirSync(path.dirname(mdPath), { recursive: true });
  const previous = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, "utf8") : "";
  const notes = previous.includes(NOTES_START) ? previous.slice(previous.indexOf(NOTES_START)) : `${NOTES_START}\n`;
  const lines = [
    "# Benchmark results",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, @pulumi/pulumi ${sdk}, simulator rate limit 3/s per endpoint, engine parallelism ${parallel}.`,
    "",
    "Command: `npm run bench` (sizes 50, 200, 500 agents). Ratio = wall time / the rate limit's lower bound for the phase",
    "(the busiest endpoint's calls / 3 per second). The engine's own time for the program, with no API call at all, is",
    'the unchanged preview\'s time; "ratio without it" subtracts it. Chart: [chart.svg](chart.svg).',
    "",
  ];
  for (const r of results) {
    lines.push(`## ${r.agents} agents (${r.resources} resources)`, "");
    lines.push(
      "| phase | time (s) | API calls | 429s | bound (s) | ratio | calls/object | provider peak (MB) | busiest endpoint |",
    );
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const p of r.phases)
      lines.push(
        `| ${p.name} | ${p.seconds.toFixed(1)} | ${p.calls} | ${p.throttled} | ${p.bound.toFixed(1)} | ${p.bound > 0 ? (p.seconds / p.bound).toFixed(2) : "-"} | ` +
          `${(p.calls / r.resources).toFixed(2)} | ${p.peakMb.toFixed(0)} | ${p.busiest} |`,
      );
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
        const rate = v > 1 && t.last > t.first ? ((v - 1) / (t.last - t.first)).toFixed(2) : "-";
        lines.push(`  | ${k} | ${v} | ${t.first.toFixed(1)} | ${t.last.toFixed(1)} | ${rate} |`);
      }
      lines.push("");
    }
    lines.push("</details>", "");
  }
  fs.writeFileSync(mdPath, `${lines.join("\n")}\n${exportSection(previous)}${notes}`);
  fs.writeFileSync(svgPath, chart(results));
}

/** A small line chart: for up and destroy, time and bound against the number of agents. */
function chart(results: SizeResult[]): string {
  const W = 640;
  const H = 400;
  const m = { l: 60, r: 160, t: 30, b: 50 };
  const series: Array<{ label: string; color: string; dash?: string; points: Array<[number, number]> }> = [];
  const colors: Record<string, string> = { up: "#1f77b4", destroy: "#d62728", refresh: "#2ca02c" };
  for (const phase of ["up", "refresh", "destroy"]) {
    const pick = (f: (p: PhaseResult) => number) =>
      results.map((r) => [r.agents, f(r.phases.find((p) => p.name === phase)!)] as [number, number]);
    series.push({ label: `${phase} time`, color: colors[phase], points: pick((p) => p.seconds) });
    series.push({ label: `${phase} bound`, color: colors[phase], dash: "5,4", points: pick((p) => p.bound) });
  }
  const maxX = Math.max(...results.map((r) => r.agents), 1);
  const maxY = Math.max(...series.flatMap((s) => s.points.map((p) => p[1])), 1);
  const x = (v: number) => m.l + (v / maxX) * (W - m.l - m.r);
  const y = (v: number) => H - m.b - (v / maxY) * (H - m.t - m.b);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.l}" y="18" font-size="14">pulumi-clink: time against center size (dashed: rate-limit bound)</text>`,
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="black"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="black"/>`,
    `<text x="${(W - m.r + m.l) / 2}" y="${H - 12}" text-anchor="middle">agents</text>`,
    `<text x="14" y="${(H - m.b + m.t) / 2}" transform="rotate(-90 14 ${(H - m.b + m.t) / 2})" text-anchor="middle">seconds</text>`,
  ];
  for (const r of results)
    out.push(`<text x="${x(r.agents)}" y="${H - m.b + 16}" text-anchor="middle">${r.agents}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxY * i) / 4;
    out.push(`<text x="${m.l - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`);
    out.push(`<line x1="${m.l}" y1="${y(v)}" x2="${W - m.r}" y2="${y(v)}" stroke="#eee"/>`);
  }
  series.forEach((s, i) => {
    const pts = s.points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" ");
    out.push(
      `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    const ly = m.t + 10 + i * 18;
    out.push(
      `<line x1="${W - m.r + 12}" y1="${ly}" x2="${W - m.r + 36}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    out.push(`<text x="${W - m.r + 42}" y="${ly + 4}">${s.label}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}
