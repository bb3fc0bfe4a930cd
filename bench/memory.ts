/**
 * Peak resident memory of the dynamic-provider process(es) while a phase runs: Linux /proc,
 * sampled every 200 ms (the engine starts the provider as `pulumi-resource-pulumi-nodejs`, a
 * Node process running @pulumi/pulumi's cmd/dynamic-provider). 0 where /proc is missing.
 */
import * as fs from "node:fs";

function providerRssMb(): number {
  let peak = 0;
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("dynamic-provider") && !cmd.includes("pulumi-resource-pulumi-nodejs")) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process ended between listing and reading
    }
  }
  return peak;
}

export class PeakMemory {
  private peak = 0;
  private readonly timer = setInterval(() => (this.peak = Math.max(this.peak, providerRssMb())), 200);

  stop(): number {
    clearInterval(this.timer);
    return Math.max(this.peak, providerRssMb());
  }
}
