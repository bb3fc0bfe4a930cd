/**
 * Many runners, one access key (doc 2.6: 3 requests per second per endpoint): 429s are waited
 * out for a time, not a count; a process backs off on 429 and recovers slowly (AIMD); processes of
 * one machine share each endpoint's slots through a file (machine-budget.ts), and a process that
 * dies with a slot in flight holds it only a window longer.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClinkApiError, ClinkClient } from "../../provider/api";
import { MachineSlotStore } from "../../provider/api/machine-budget";
import { haltRequests, resumeRequestsForTests } from "../../provider/api/halt";
import { RequestsHalted, SlidingWindowPacer } from "../../provider/api/pacer";
import { maxInAnyWindow, runner, RUNNER_SECRET, strictServer } from "./runners";
import { json, testServer, type Seen } from "./server";
import { scriptedClient } from "./scripted-client";
import { present } from "../support/present";

const SECRET = RUNNER_SECRET;
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "clink-budget-"));

describe("the pacer backs off on 429 and recovers slowly", () => {
  it("halves its rate once per window of 429s and gives a tenth back per window without", () => {
    let t = 0;
    const pacer = new SlidingWindowPacer({ limit: 3, now: () => t });
    expect(pacer.rate).toBe(3);
    pacer.throttled();
    pacer.throttled(); // the same window: one cut
    expect(pacer.rate).toBe(1.5);
    t += 1000;
    pacer.throttled();
    expect(pacer.rate).toBe(0.75);
    pacer.accepted(); // within the window of the last cut: nothing yet
    expect(pacer.rate).toBe(0.75);
    t += 1000;
    pacer.accepted();
    expect(pacer.rate).toBeCloseTo(0.75 + 0.3);
    for (let i = 0; i < 20; i++) {
      t += 1000;
      pacer.accepted();
    }
    expect(pacer.rate).toBe(3);
  });

  it("gives back a tenth per window of time since the cut, not per answer", () => {
    let t = 0;
    const pacer = new SlidingWindowPacer({ limit: 3, now: () => t });
    for (let i = 0; i < 4; i++) {
      pacer.throttled();
      t += 1000;
    }
    expect(pacer.rate).toBe(3 / 16);
    // Cut down this far, answers come seldom: five windows later, one answer gives back five tenths.
    t += 4000;
    pacer.accepted();
    expect(pacer.rate).toBeCloseTo(3 * (1 / 16 + 0.5));
    t += 999;
    pacer.accepted(); // less than a window since that rise
    expect(pacer.rate).toBeCloseTo(3 * (1 / 16 + 0.5));
  });

  it("after a 429 sends nothing of that endpoint for one request's spacing at the cut rate", async () => {
    const pacer = new SlidingWindowPacer({ limit: 3, windowMs: 300, marginMs: 0, random: () => 0.5 });
    (await pacer.acquire())();
    pacer.throttled(); // 1.5 per 300 ms: one every 200 ms (jitter 0.5: exactly that)
    const asked = Date.now();
    (await pacer.acquire())(); // two of the three slots are free: only the spacing holds it back
    expect(Date.now() - asked).toBeGreaterThanOrEqual(190);
  });

  it("never goes below a sixteenth of the limit", () => {
    let t = 0;
    const pacer = new SlidingWindowPacer({ limit: 3, now: () => t });
    for (let i = 0; i < 10; i++) {
      pacer.throttled();
      t += 1000;
    }
    expect(pacer.rate).toBe(3 / 16);
  });

  it("estimates how many runners share the limit from the answers it got", () => {
    let t = 0;
    const pacer = new SlidingWindowPacer({ limit: 3, now: () => t });
    for (let i = 0; i < 40; i++) {
      t += 250;
      if (i % 4 === 0) pacer.accepted();
      else pacer.throttled();
    }
    // 10 s at 3 per second allow 30; this process got 10 of its 40: about 3 runners.
    expect(pacer.competition()).toMatch(/accepted 10 of this process's 40 requests.*about 3 runners/);
    const starved = new SlidingWindowPacer({ limit: 3, now: () => t });
    starved.throttled();
    expect(starved.competition()).toMatch(/accepted none of this process's 1 requests/);
  });

  it("spaces requests by the rate it allows itself now, which rises while a request waits", async () => {
    const released: number[] = [];
    const store = {
      tryTake: async () => ({ slot: "s" }),
      release: async (_slot: string, holdMs: number) => void released.push(holdMs),
    };
    // Set by hand, and running on with real time while a request waits.
    const clock = { t: 0 };
    const start = Date.now();
    const now = () => clock.t + (Date.now() - start);
    const pacer = new SlidingWindowPacer({ limit: 3, windowMs: 300, now, marginMs: 0, random: () => 0.5, store });
    for (const t of [0, 300, 600, 900]) {
      clock.t = t;
      pacer.throttled();
    }
    // A sixteenth: at that rate the next request would wait 1600 ms from the last 429. Each
    // window gives a tenth back while it waits: 0.1625 at +300 ms (spacing 615 ms), 0.2625 at
    // +600 ms (spacing 381 ms), so it goes then.
    const asked = Date.now();
    (await pacer.acquire())();
    const waited = Date.now() - asked;
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(waited).toBeLessThan(1200);
    expect(pacer.rate).toBeCloseTo(3 * 0.2625);
    // A slot is held one window after its answer, however far the rate was cut.
    await new Promise((r) => setImmediate(r));
    expect(released).toEqual([300]);
  });
});

describe("429s are waited out for a time, not a count", () => {
  async function client(
    script: (req: Seen, res: import("node:http").ServerResponse, n: number) => void,
    waitMs: number,
  ) {
    const {
      server,
      client: c,
      close,
    } = await scriptedClient(SECRET, script, {
      maxRetries: 2,
      rateLimitWaitMs: waitMs,
      rateBudget: "process",
    });
    closers.push(close);
    return { server, c };
  }

  it("a create refused more times than the retry count allows still lands", async () => {
    const { server, c } = await client(
      (_req, res, n) =>
        n <= 8 ? json(res, 429, { error: { code: "TooManyRequests", message: "m" } }) : json(res, 200, {}),
      60_000,
    );
    await c.request("POST", "/cc/create_client", { body: { cno: "1" } });
    expect(server.seen).toHaveLength(9);
  });

  it("a paced client repeats a 429 after the pacer's spacing, without a backoff of its own", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValue(0.99);
    try {
      const server = await testServer(SECRET, (_req, res, n) =>
        n === 1 ? json(res, 429, { error: { code: "TooManyRequests", message: "m" } }) : json(res, 200, {}),
      );
      const c = new ClinkClient({
        accessKeyId: `key-${process.hrtime.bigint()}`,
        accessKeySecret: SECRET,
        endpoint: server.url,
        backoffMs: 8000, // a backoff of its own would wait 0.99 x 8 s
        rateBudget: "process",
      });
      closers.push(
        () => c.close(),
        () => server.close(),
      );
      const started = Date.now();
      await c.request("GET", "/cc/list_queues");
      // The pacer's spacing at half of 3 per second, jittered by 1.49: about 1 s.
      expect(Date.now() - started).toBeLessThan(1500);
      expect(server.seen).toHaveLength(2);
    } finally {
      random.mockRestore();
    }
  });

  it("a long 429 wait leaves the retries of 5xx answers untouched", async () => {
    const { server, c } = await client((_req, res, n) => {
      if (n <= 4) return json(res, 429, { error: { code: "TooManyRequests", message: "m" } });
      if (n <= 6) return json(res, 503, { error: { code: "InternalError", message: "m" } });
      json(res, 200, {});
    }, 60_000);
    await c.request("GET", "/cc/list_queues"); // maxRetries 2: both 503s are retried
    expect(server.seen).toHaveLength(7);
  });

  it("after the wait, the error says how long, how often and how the limit seems shared", async () => {
    const { server, c } = await client(
      (_req, res) => json(res, 429, { error: { code: "TooManyRequests", message: "m" } }),
      300,
    );
    let error: unknown;
    await c.request("GET", "/cc/list_queues").catch((e) => (error = e));
    expect(error).toBeInstanceOf(ClinkApiError);
    const e = error as ClinkApiError;
    expect(e.code).toBe("TooManyRequests");
    expect(server.seen.length).toBeGreaterThan(3);
    expect(e.message).toMatch(new RegExp(`refused ${server.seen.length} times over \\d+ s`));
    expect(e.message).toMatch(/accepted none of this process's/);
    expect(e.message).toMatch(/clink:rateLimitWaitSeconds/);
  });

  it("the wait is configurable from the environment, and refused when not a number", () => {
    const before = process.env.CLINK_RATE_LIMIT_WAIT_SECONDS;
    process.env.CLINK_RATE_LIMIT_WAIT_SECONDS = "soon";
    try {
      expect(() => new ClinkClient({ accessKeyId: "k", accessKeySecret: "s", endpoint: "http://127.0.0.1:1" })).toThrow(
        /CLINK_RATE_LIMIT_WAIT_SECONDS\) must be a number of seconds/,
      );
    } finally {
      if (before === undefined) delete process.env.CLINK_RATE_LIMIT_WAIT_SECONDS;
      else process.env.CLINK_RATE_LIMIT_WAIT_SECONDS = before;
    }
  });
});

describe("halted requests", () => {
  it("a halt that comes while the store is asked still stops the request, and gives the slot back", async () => {
    const released: number[] = [];
    const store = {
      tryTake: async () => {
        haltRequests("the engine is gone");
        return { slot: "s" };
      },
      release: async (_slot: string, holdMs: number) => void released.push(holdMs),
    };
    const pacer = new SlidingWindowPacer({ limit: 3, store });
    try {
      await expect(pacer.acquire()).rejects.toBeInstanceOf(RequestsHalted);
      expect(released).toEqual([0]);
    } finally {
      resumeRequestsForTests();
    }
  });
});

describe("one budget for every process of the machine", () => {
  it("two stores on one file share the limit", async () => {
    const dir = scratch();
    const a = new MachineSlotStore("h|k|/cc/x", 1025, Date.now, dir);
    const b = new MachineSlotStore("h|k|/cc/x", 1025, Date.now, dir);
    const lease = 60_000;
    const taken = [await a.tryTake(3, lease), await b.tryTake(3, lease), await a.tryTake(3, lease)];
    expect(taken.every((r) => "slot" in r)).toBe(true);
    const refused = await b.tryTake(3, lease);
    expect("retryInMs" in refused).toBe(true);
    // All three in flight: look again soon, not at the lease.
    expect((refused as { retryInMs: number }).retryInMs).toBeLessThan(1000);
    await a.release((taken[0] as { slot: string }).slot, -1);
    expect("slot" in (await b.tryTake(3, lease))).toBe(true);
    // Another endpoint has its own slots.
    expect("slot" in (await new MachineSlotStore("h|k|/cc/y", 1025, Date.now, dir).tryTake(3, lease))).toBe(true);
  });

  it("a slot left in flight by a process that is gone frees up a window later, not at its lease", async () => {
    const dir = scratch();
    const store = new MachineSlotStore("h|k|/cc/x", 1025, Date.now, dir);
    const lease = 60_000;
    const got = await store.tryTake(1, lease);
    expect("slot" in got).toBe(true);
    // Hand the slot to a process that has exited.
    const gone = Number(
      execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }),
    );
    const file = present(
      fs.readdirSync(dir).find((f) => f.endsWith(".json")),
      "a slot file",
    );
    const held = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    held[0].pid = gone;
    fs.writeFileSync(path.join(dir, file), JSON.stringify(held));
    const other = new MachineSlotStore("h|k|/cc/x", 1025, Date.now, dir);
    const refused = (await other.tryTake(1, lease)) as { retryInMs: number };
    expect(refused.retryInMs).toBeGreaterThan(500);
    expect(refused.retryInMs).toBeLessThanOrEqual(1025);
  });

  it("the oldest process waiting is served first", async () => {
    let t = 0;
    const store = new MachineSlotStore("h|k|/cc/x", 1025, () => t, scratch());
    const old = { id: "old", rank: 1 };
    const young = { id: "young", rank: 2 };
    const held = (await store.tryTake(1, 60_000, young)) as { slot: string };
    await store.release(held.slot, 100);
    t = 10;
    expect(await store.tryTake(1, 60_000, old)).toEqual({ retryInMs: 90 });
    t = 100; // the slot is free: the younger one asks first, and is told to leave it to the older
    expect(await store.tryTake(1, 60_000, young)).toEqual({ retryInMs: 50 });
    t = 101;
    expect("slot" in (await store.tryTake(1, 60_000, old))).toBe(true);
  });

  it("a waiter that does not come back is passed over once its wait and the grace are over", async () => {
    let t = 0;
    const store = new MachineSlotStore("h|k|/cc/x", 1025, () => t, scratch());
    const held = (await store.tryTake(1, 60_000, { id: "young", rank: 2 })) as { slot: string };
    await store.release(held.slot, 100);
    t = 10;
    await store.tryTake(1, 60_000, { id: "killed", rank: 1 }); // noted as waiting until 150
    t = 149;
    expect("retryInMs" in (await store.tryTake(1, 60_000, { id: "young", rank: 2 }))).toBe(true);
    t = 150;
    expect("slot" in (await store.tryTake(1, 60_000, { id: "young", rank: 2 }))).toBe(true);
  });

  it("one that has waited STARVE_MS goes before older ones that waited less", async () => {
    let t = 0;
    const store = new MachineSlotStore("h|k|/cc/x", 1025, () => t, scratch(), 1000);
    const held = (await store.tryTake(1, 60_000, { id: "other", rank: 0 })) as { slot: string };
    await store.release(held.slot, 1600);
    const old = { id: "old", rank: 1 };
    const young = { id: "young", rank: 2 };
    for (t = 0; t < 1600; t += 400) await store.tryTake(1, 60_000, young); // waiting since 0
    t = 1500;
    await store.tryTake(1, 60_000, old); // waiting since 1500
    t = 1600;
    expect("retryInMs" in (await store.tryTake(1, 60_000, old))).toBe(true);
    expect("slot" in (await store.tryTake(1, 60_000, young))).toBe(true);
  });

  it("a file cut short by a killed writer counts as nothing held", async () => {
    const dir = scratch();
    const store = new MachineSlotStore("h|k|/cc/x", 1025, Date.now, dir);
    await store.tryTake(1, 60_000);
    const file = present(
      fs.readdirSync(dir).find((f) => f.endsWith(".json")),
      "a slot file",
    );
    fs.writeFileSync(path.join(dir, file), '[{"id":"x","unt');
    expect("slot" in (await store.tryTake(1, 60_000))).toBe(true);
  });
});

describe("several processes on one key", () => {
  it("sharing the machine's budget: no window at the server holds more than 3, no 429", async () => {
    const { server, accepted, refused } = await strictServer();
    closers.push(() => server.close());
    const env = { CLINK_RATE_BUDGET_DIR: scratch(), CLINK_RATE_BUDGET: "machine" };
    const results = await Promise.all([1, 2, 3].map(() => runner(server.url, env, 5)));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(accepted).toHaveLength(15);
    expect(refused()).toBe(0);
    expect(maxInAnyWindow(server.seen.map((s) => s.at))).toBeLessThanOrEqual(3);
  }, 60_000);

  it("sharing nothing: each backs off on 429 and every one finishes", async () => {
    const { server, accepted, refused } = await strictServer();
    closers.push(() => server.close());
    const results = await Promise.all([1, 2, 3, 4].map(() => runner(server.url, { CLINK_RATE_BUDGET: "process" }, 8)));
    expect(results.map((r) => r.out)).toEqual(["", "", "", ""]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(accepted).toHaveLength(32);
    // Without backing off, three runners at 3 per second each draw about two 429s per accepted call.
    // Without backing off, four runners drew more refusals than answers (52 for 32 accepted, and
    // some failed after their retries); backing off, about two thirds as many as answers.
    expect(refused()).toBeLessThan(accepted.length);
  }, 90_000);
});
