/**
 * A gone engine stops the provider (issue 24, item 3): the watch notices the engine's end on
 * standard input, a changed parent, or a refused engine address; halting drops the pacer queue
 * and refuses every later request. Under the real engine: test/faults/engine-gone.test.ts.
 */
import * as net from "node:net";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ClinkApiError, ClinkClient } from "../../provider/api";
import { haltRequests, resumeRequestsForTests } from "../../provider/api/halt";
import { isDynamicProviderPlugin, watchEngine, type EngineWatch } from "../../provider/plugin/engine-watch";
import { json, testServer } from "../api/server";

let watch: EngineWatch | undefined;
afterEach(() => {
  watch?.stop();
  resumeRequestsForTests();
});

const goneWithin = (ms: number, start: (gone: (why: string) => void) => void) =>
  new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`not noticed within ${ms} ms`)), ms);
    start((why) => {
      clearTimeout(t);
      resolve(why);
    });
  });

describe("the engine watch", () => {
  it("notices standard input ending (the engine held its writing end)", async () => {
    const input = new PassThrough();
    const why = goneWithin(1000, (gone) => (watch = watchEngine({ input, gone })));
    input.end();
    expect(await why).toMatch(/standard input/);
  });

  it("says nothing while standard input stays open and the parent stays", async () => {
    let fired = false;
    watch = watchEngine({ input: new PassThrough(), parent: () => 42, intervalMs: 20, gone: () => (fired = true) });
    await new Promise((r) => setTimeout(r, 200));
    expect(fired).toBe(false);
  });

  it("notices the parent process changing (reparented)", async () => {
    let parent = 42;
    const why = goneWithin(1000, (gone) => (watch = watchEngine({ parent: () => parent, intervalMs: 50, gone })));
    parent = 1;
    expect(await why).toMatch(/reparented/);
  });

  it("without a pipe, notices the engine's address refusing connections", async () => {
    const engine = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => engine.listen(0, "127.0.0.1", r));
    const address = `127.0.0.1:${(engine.address() as net.AddressInfo).port}`;
    let fired = false;
    const why = goneWithin(2000, (gone) => {
      watch = watchEngine({
        address,
        intervalMs: 100,
        gone: (w) => {
          fired = true;
          gone(w);
        },
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(fired).toBe(false); // listening: alive
    await new Promise<void>((r) => engine.close(() => r()));
    expect(await why).toMatch(/refuses connections/);
  });

  it("runs only in the dynamic-provider plugin", () => {
    expect(isDynamicProviderPlugin(["node", "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js"])).toBe(
      true,
    );
    expect(isDynamicProviderPlugin(["node", "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider"])).toBe(true);
    expect(isDynamicProviderPlugin(["node", "/p/node_modules/.bin/vitest"])).toBe(false);
  });
});

describe("halted requests", () => {
  it("drop the pacer queue at once and refuse every later request", async () => {
    const server = await testServer("s", (_req, res) => json(res, 200, { ok: true }));
    try {
      const client = new ClinkClient({ endpoint: server.url, accessKeyId: "k", accessKeySecret: "s", rate: 1 });
      const first = await client.request("POST", "/cc/halt_probe", { body: {} });
      expect(first).toMatchObject({ ok: true });
      // The next four wait for the window (1 per second): halting fails them without a request.
      const queued = [1, 2, 3, 4].map(() =>
        client.request("POST", "/cc/halt_probe", { body: {} }).then(
          () => "sent",
          (e: unknown) => e,
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
      const t = Date.now();
      haltRequests("the engine is gone");
      const results = await Promise.all(queued);
      expect(Date.now() - t).toBeLessThan(200);
      for (const r of results) {
        expect(r).toBeInstanceOf(ClinkApiError);
        expect((r as ClinkApiError).message).toMatch(/was not sent: the engine is gone/);
      }
      await expect(client.request("GET", "/cc/halt_probe")).rejects.toThrow(/was not sent/);
      await new Promise((r) => setTimeout(r, 1200));
      expect(server.seen.filter((s) => s.path === "/cc/halt_probe")).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
