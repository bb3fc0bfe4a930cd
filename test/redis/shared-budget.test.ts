/**
 * Runners on several machines share one budget through Redis (clink:rateLimitRedis): K processes,
 * each with nothing else shared (their own budget directory), against a server that refuses a
 * fourth request within any second (doc 2.6). Needs redis-server on PATH.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisSlotStore, closeRedisBudgets, redactedRedisUrl } from "../../provider/api/redis-budget";
import { json, testServer } from "../api/server";

const SECRET = "test-secret-s3cr3t";
const root = path.resolve(__dirname, "../..");
let redis: ChildProcess;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => (c.end(), resolve(true)));
      c.on("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("redis-server did not start");
});

afterAll(async () => {
  await closeRedisBudgets();
  redis?.kill();
});

const maxInAnyWindow = (times: number[], windowMs = 1000) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

function runner(serverUrl: string, env: Record<string, string>, count: number): Promise<{ code: number; out: string }> {
  const script = `
    const { ClinkClient } = require(${JSON.stringify(path.join(root, "dist/provider/api"))});
    const c = new ClinkClient({ accessKeyId: "shared-key", accessKeySecret: ${JSON.stringify(SECRET)}, endpoint: ${JSON.stringify(serverUrl)}, backoffMs: 50 });
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

describe("a budget held in Redis", () => {
  it("K runners that share nothing else keep every second at the server to 3, with no 429", async () => {
    const accepted: number[] = [];
    let refused = 0;
    const server = await testServer(SECRET, (_req, res) => {
      const t = Date.now();
      if (accepted.filter((a) => a > t - 1000).length >= 3) {
        refused++;
        return json(res, 429, { error: { code: "TooManyRequests", message: "请求过于频繁" } });
      }
      accepted.push(t);
      json(res, 200, { list: [] });
    });
    try {
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          runner(
            server.url,
            {
              CLINK_RATE_LIMIT_REDIS: url,
              // As on separate machines: no budget file in common.
              CLINK_RATE_BUDGET: "process",
            },
            5,
          ),
        ),
      );
      expect(results.map((r) => r.out)).toEqual(["", "", "", ""]);
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      expect(accepted).toHaveLength(20);
      expect(refused).toBe(0);
      expect(maxInAnyWindow(server.seen.map((s) => s.at))).toBeLessThanOrEqual(3);
    } finally {
      await server.close();
    }
  });

  it("a slot left in flight by a runner that died frees up at its lease", async () => {
    const key = `lease|${Math.random()}`;
    const first = new RedisSlotStore(url, key);
    const second = new RedisSlotStore(url, key);
    expect("slot" in (await first.tryTake(1, 400))).toBe(true); // never released: the runner died
    const refused = await second.tryTake(1, 400);
    expect("retryInMs" in refused).toBe(true);
    await new Promise((r) => setTimeout(r, 450));
    expect("slot" in (await second.tryTake(1, 400))).toBe(true);
  });

  it("an answered slot is held for its hold time, by Redis's clock", async () => {
    const key = `hold|${Math.random()}`;
    const store = new RedisSlotStore(url, key);
    const got = (await store.tryTake(1, 60_000)) as { slot: string };
    await store.release(got.slot, 300);
    const refused = (await store.tryTake(1, 60_000)) as { retryInMs: number };
    expect(refused.retryInMs).toBeGreaterThan(200);
    expect(refused.retryInMs).toBeLessThanOrEqual(300);
  });

  it("an unreachable Redis falls back, says so once without its password, and still paces", async () => {
    const dead = `redis://:hunter2@127.0.0.1:${await freePort()}`;
    const lines: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void lines.push(args.join(" "));
    try {
      const store = new RedisSlotStore(dead, `fallback|${Math.random()}`);
      const first = await store.tryTake(1, 60_000);
      expect("slot" in first).toBe(true);
      expect("retryInMs" in (await store.tryTake(1, 60_000))).toBe(true);
    } finally {
      console.error = error;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot be used/);
    expect(lines[0]).not.toContain("hunter2");
    expect(redactedRedisUrl(dead)).not.toContain("hunter2");
  });
});
