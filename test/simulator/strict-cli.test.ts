/**
 * `clink-simulator --strict` (built: run `npm run build` first) answers the strict way
 * (simulator/README.md, Strict answers); without the flag, as before.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClinkClient } from "../../provider";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../../simulator";

const cli = path.resolve(__dirname, "..", "..", "dist", "simulator", "cli.js");
const started: ChildProcess[] = [];

/** Starts the CLI on a free port; resolves with its URL and its "answers:" line once it listens. */
function start(args: string[]): Promise<{ url: string; answers: string }> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--rate", "0", ...args], {
    env: { ...process.env, CLINK_SIMULATOR_STRICT: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /listening on (\S+)/.exec(out)?.[1];
      const answers = /answers: (.*)/.exec(out)?.[1];
      if (url && answers) resolve({ url, answers });
    });
    child.once("exit", (code) => reject(new Error(`clink-simulator exited (${code}): ${out}`)));
  });
}

afterEach(() => {
  for (const child of started.splice(0)) child.kill();
});

async function phonesOfUnknownAgent(url: string) {
  const client = new ClinkClient({
    endpoint: url,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    rate: 0,
  });
  try {
    return await client.request("GET", "/cc/list_client_tels", { query: { cno: "1001" } }).then(
      (answer) => answer.clientTels,
      (err: unknown) => (err as { code?: string }).code,
    );
  } finally {
    await client.close();
  }
}

describe("clink-simulator --strict", () => {
  it("answers ResourceNotFound for the phones of an unknown agent, and says so at start", async () => {
    const { url, answers } = await start(["--strict"]);
    expect(answers).toMatch(/^strict/);
    expect(await phonesOfUnknownAgent(url)).toBe("ResourceNotFound");
  });

  it("without the flag, answers an empty list", async () => {
    const { url, answers } = await start([]);
    expect(answers).toBe("lenient");
    expect(await phonesOfUnknownAgent(url)).toEqual([]);
  });
});
