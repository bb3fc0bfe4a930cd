#!/usr/bin/env node
/**
 * Runs test files of one vitest config as N vitest processes at once, each with its own global
 * setup (so each e2e group packs and installs pulumi-clink into its own program directory, and no
 * group sees another's files).
 *
 *   node scripts/vitest-groups.mjs --config vitest.e2e.config.mts --groups 2 [--node BIN] [paths...]
 *
 * Why processes and not vitest's own file parallelism: most of an engine test's time is spent
 * waiting (engine start, the simulator's 3-per-second limit), so two at once nearly halve the
 * suite on two cores; run as files of one vitest process they shared one program directory,
 * which a test lost mid-run. Files are dealt to groups by the seconds each took when run alone
 * (WEIGHTS, measured on the CI machine; a new file counts as DEFAULT_WEIGHT until listed), the
 * heaviest first onto the lightest group. Each line of output is prefixed with its group; the exit
 * code is the first failing group's.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

/** Seconds per file when run alone (the e2e and fault suites, 2 cores, Node 20). */
const WEIGHTS = {
  "test/e2e/center-settings.test.ts": 20,
  "test/e2e/center.test.ts": 16,
  "test/e2e/client-exten.test.ts": 27,
  "test/e2e/export-round-trip.test.ts": 33,
  "test/e2e/get-vs-import.test.ts": 12,
  "test/e2e/live-agents.test.ts": 82,
  "test/e2e/membership.test.ts": 43,
  "test/e2e/old-state.test.ts": 16,
  "test/e2e/policy.test.ts": 42,
  "test/e2e/queue.test.ts": 42,
  "test/e2e/real-api-forms.test.ts": 18,
  "test/e2e/refresh.test.ts": 46,
  "test/e2e/review.test.ts": 28,
  "test/e2e/secrets-in-events.test.ts": 23,
  "test/e2e/serialization.test.ts": 4,
  "test/e2e/strict-server.test.ts": 36,
  "test/e2e/truthful-preview.test.ts": 81,
  "test/e2e/undeclared-fields.test.ts": 15,
  "test/faults/engine-gone.test.ts": 33,
  "test/faults/fleet-kill.test.ts": 61,
  "test/faults/soak.test.ts": 114,
};
const DEFAULT_WEIGHT = 30;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: "string" },
    groups: { type: "string", default: "2" },
    node: { type: "string", default: process.execPath },
  },
});
if (!values.config) {
  console.error("vitest-groups: --config is required");
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const include = readInclude(path.join(root, values.config));
const roots = positionals.length > 0 ? positionals : [include];
const files = roots.flatMap((r) => listTests(path.join(root, r))).map((f) => path.relative(root, f));
if (files.length === 0) {
  console.error(`vitest-groups: no test file under ${roots.join(", ")}`);
  process.exit(2);
}

const count = Math.max(1, Math.min(Number(values.groups), files.length));
const groups = Array.from({ length: count }, () => ({ files: [], weight: 0 }));
for (const file of [...files].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b))) {
  const lightest = groups.reduce((a, b) => (b.weight < a.weight ? b : a));
  lightest.files.push(file);
  lightest.weight += weightOf(file);
}

const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const codes = await Promise.all(groups.map((g, i) => runGroup(`${i + 1}/${count}`, g.files)));
const failed = codes.find((c) => c !== 0);
process.exit(failed ?? 0);

function weightOf(file) {
  return WEIGHTS[file] ?? DEFAULT_WEIGHT;
}

/** The config's test directory: the part of its `include` glob before the first wildcard. */
function readInclude(config) {
  const text = fs.readFileSync(config, "utf8");
  const m = /include:\s*\[\s*"([^"*]+)/.exec(text);
  if (!m) throw new Error(`vitest-groups: no include glob in ${config}`);
  return m[1];
}

function listTests(at) {
  if (fs.statSync(at, { throwIfNoEntry: false })?.isFile()) return [at];
  // A prefix such as test/e2e/refresh names the files it starts, as vitest's filters do.
  if (!fs.existsSync(at)) {
    const dir = path.dirname(at);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(path.basename(at)) && f.endsWith(".test.ts"))
      .map((f) => path.join(dir, f));
  }
  return fs
    .readdirSync(at, { recursive: true })
    .filter((f) => String(f).endsWith(".test.ts"))
    .map((f) => path.join(at, String(f)))
    .sort();
}

function runGroup(name, groupFiles) {
  const prefix = `[${name}] `;
  console.log(`${prefix}${groupFiles.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(values.node, [vitest, "run", "--config", values.config, ...groupFiles], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    const relay = (stream, out) => {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) out.write(prefix + line + "\n");
      });
      stream.on("end", () => rest && out.write(prefix + rest + "\n"));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
