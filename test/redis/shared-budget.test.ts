/**
 * Runners on several machines share one budget through Redis (clink:rateLimitRedis): K processes,
 * each with nothing else shared (their own budget directory), against a server that refuses a
 * fourth request within any second (doc 2.6). Needs redis-server on PATH.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisSlotStore, closeRedisBudgets, redactedRedisUrl } from "../../provider/api/redis-budget";
import { maxInAnyWindow, runner, strictServer } from "../api/runners";
import { freePort, startRedis } from "../engine/redis-server";

let redis: { url: string; stop(): void } | undefined;
let url: string;

beforeAll(async () => {
  redis = await startRedis();
  url = redis.url;
});

afterAll(async () => {
  await closeRedisBudgets();
  redis?.stop();
});

describe("a budget held in Redis", () => {
  it("K runners that share nothing else keep every second at the server to 3, with no 429", async () => {
    const { server, accepted, refused: refusals } = await strictServer();
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
      expect(refusals()).toBe(0);
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

  it("the oldest runner waiting is served first; one that waited STARVE_MS before it", async () => {
    const old = { id: "old", rank: 1 };
    const young = { id: "young", rank: 2 };
    const store = new RedisSlotStore(url, `order|${Math.random()}`, undefined, 700);
    const held = (await store.tryTake(1, 60_000, young)) as { slot: string };
    await store.release(held.slot, 300);
    expect("retryInMs" in (await store.tryTake(1, 60_000, old))).toBe(true);
    await new Promise((r) => setTimeout(r, 320));
    // Free: the younger one asks first and is told to leave it to the older one, noted as waiting.
    const left = await store.tryTake(1, 60_000, young);
    expect("retryInMs" in left && left.retryInMs <= 50).toBe(true);
    const taken = (await store.tryTake(1, 60_000, old)) as { slot: string };
    expect(typeof taken.slot).toBe("string");
    // The younger one has waited since its first ask: past 700 ms it goes first.
    await store.release(taken.slot, 900);
    await store.tryTake(1, 60_000, young); // waiting from now, noted until the slot frees and 50 ms
    await new Promise((r) => setTimeout(r, 800));
    await store.tryTake(1, 60_000, old);
    await new Promise((r) => setTimeout(r, 105));
    expect("retryInMs" in (await store.tryTake(1, 60_000, old))).toBe(true);
    expect("slot" in (await store.tryTake(1, 60_000, young))).toBe(true);
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
