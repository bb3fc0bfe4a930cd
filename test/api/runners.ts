/**
 * Several processes on one access key, for the rate-budget suites (test/api/rate-budget.test.ts,
 * test/redis/shared-budget.test.ts): child processes with clients of their own, and a server that
 * counts the way doc 2.6 reads strictest (3 accepted per sliding second, 429 beyond).
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { json, testServer } from "./server";

export const RUNNER_SECRET = "test-secret-s3cr3t";
const root = path.resolve(__dirname, "../..");

/** The most arrivals any one window holds. */
export const maxInAnyWindow = (times: number[], windowMs = 1000) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

/** Runs `count` GETs from a child process with its own client (the built dist/); its exit code and output. */
export function runner(
  url: string,
  env: Record<string, string>,
  count: number,
): Promise<{ code: number; out: string }> {
  const script = `
    const { ClinkClient } = require(${JSON.stringify(path.join(root, "dist/provider/api"))});
    const c = new ClinkClient({ accessKeyId: "shared-key", accessKeySecret: ${JSON.stringify(RUNNER_SECRET)}, endpoint: ${JSON.stringify(url)}, backoffMs: 50 });
    Promise.all(Array.from({ length: ${count} }, () => c.request("GET", "/cc/list_queues")))
      .then(() => c.close()).then(() => process.exit(0))
      .catch((e) => { console.error(e.message); process.exit(1); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A server that refuses with 429 when 3 requests were accepted in the last second (doc 2.6). */
export async function strictServer() {
  const accepted: number[] = [];
  let refused = 0;
  const server = await testServer(RUNNER_SECRET, (_req, res) => {
    const t = Date.now();
    if (accepted.filter((a) => a > t - 1000).length >= 3) {
      refused++;
      return json(res, 429, { error: { code: "TooManyRequests", message: "请求过于频繁" } });
    }
    accepted.push(t);
    json(res, 200, { list: [] });
  });
  return { server, accepted, refused: () => refused };
}
