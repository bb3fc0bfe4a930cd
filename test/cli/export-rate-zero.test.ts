/**
 * `--rate 0` (no pacing) against a server that holds its limit (issue 24, item 11): the export
 * goes on through the server's 429 answers (doc 2.6: refused before processing, safe to repeat)
 * instead of aborting at the first one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportCenter } from "../../cli/export";
import { ClinkClient } from "../../provider";
import { startSimulator } from "../../simulator";
import { seedCenter } from "../engine/seed-center";
import { exportArgs } from "./export-args";

const KEY = { accessKeyId: "export-key", accessKeySecret: "export-secret-not-in-files" };
let sim: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rate: 0, ...KEY });
  const client = new ClinkClient({ endpoint: sim.url, ...KEY, rate: 0 });
  await seedCenter(client, { agents: 80, phones: 10, queues: 3, groups: 2, pauses: 3, entries: 6, free: 2 }, 32);
  await client.close();
});
afterAll(async () => {
  await sim?.close();
});

it("--rate 0 completes against a server limiting to 3 requests per second per endpoint", async () => {
  sim.setRate(3);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "clink-export-rate0-"));
  const o = exportArgs(out, sim.url, KEY);
  const r = await exportCenter(o, {
    stdout: new (require("node:stream").PassThrough)(),
    stderr: new (require("node:stream").PassThrough)(),
  } as never);
  expect(sim.log().some((e) => e.status === 429)).toBe(true); // the server did refuse some
  expect(fs.readdirSync(out)).toContain("agents.ts");
  expect(r).toBeDefined();
}, 120_000);
