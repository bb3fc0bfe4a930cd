/**
 * A throwaway redis-server on a free loopback port (Debian's package on PATH), for the shared
 * rate budget's suite (test/redis) and the fleet benchmark (bench/fleet.ts). Free of vitest.
 */
import { spawn } from "node:child_process";
import * as net from "node:net";

/** A loopback port nothing listens on at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => (c.end(), resolve(true)));
      c.on("error", () => resolve(false));
    });
    if (up) return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error("redis-server did not start (it needs Debian's redis-server package on PATH)");
}
