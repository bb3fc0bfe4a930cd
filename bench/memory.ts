/**
 * Peak resident memory of the dynamic-provider process(es) of the benchmark's program directory
 * while a phase runs: Linux /proc, sampled every 200 ms (the engine starts the provider as
 * `pulumi-resource-pulumi-nodejs`, a Node process running @pulumi/pulumi's cmd/dynamic-provider).
 * 0 where /proc is missing.
 */
import * as fs from "node:fs";

/** The dynamic-provider processes started from `dir` (a program directory): pid list. */
function providerPids(dir: string): number[] {
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  return pids
    .filter((pid) => {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        return cmd.includes(dir) && cmd.includes("dynamic-provider");
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Ends provider processes of `dir` that outlived their engine. Seen once here: a dynamic-provider
 * process kept running at full CPU after its `pulumi destroy` had finished (a known class of
 * Pulumi issue, e.g. pulumi/pulumi#8696); the benchmark must not leave one behind or measure it.
 */
export async function reapProviders(dir: string): Promise<number> {
  const deadline = Date.now() + 5000;
  while (providerPids(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const left = providerPids(dir);
  for (const pid of left) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
  return left.length;
}

function providerRssMb(dir: string): number {
  let peak = 0;
  for (const pid of providerPids(dir)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process ended between listing and reading
    }
  }
  return peak;
}

/** Samples the provider processes of one program directory (never another run's). */
export class PeakMemory {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly dir: string) {
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, providerRssMb(this.dir))), 200);
  }

  stop(): number {
    clearInterval(this.timer);
    return Math.max(this.peak, providerRssMb(this.dir));
  }
}
