/**
 * Finds and SIGKILLs the engine of one stack while it runs: the `pulumi` CLI process the
 * Automation API's local workspace started (its working directory is the stack's workspace
 * directory), and every process below it (the dynamic-provider plugin and other plugins), by pid.
 * A CI runner that is cancelled, or a machine that dies, ends them all at once.
 */
import * as fs from "node:fs";

interface Proc {
  pid: number;
  ppid: number;
  cwd?: string;
  exe?: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      let cwd: string | undefined;
      let exe: string | undefined;
      try {
        cwd = fs.readlinkSync(`/proc/${name}/cwd`);
        exe = fs.readlinkSync(`/proc/${name}/exe`);
      } catch {
        // not ours to read
      }
      out.push({ pid: Number(name), ppid, cwd, exe });
    } catch {
      // ended while listing
    }
  }
  return out;
}

/** The engine processes (`pulumi` CLI) whose working directory is `workDir`. */
export function enginePids(workDir: string): number[] {
  const real = fs.realpathSync(workDir);
  return processes()
    .filter((p) => p.cwd === real && p.exe !== undefined && /\/pulumi$/.test(p.exe))
    .map((p) => p.pid);
}

/** SIGKILLs the engine of `workDir` and all its descendants; returns how many processes it killed. */
export function killEngine(workDir: string): number {
  const all = processes();
  const doomed = new Set(enginePids(workDir));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!doomed.has(p.pid) && doomed.has(p.ppid)) {
        doomed.add(p.pid);
        grew = true;
      }
  }
  for (const pid of doomed) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return doomed.size;
}

/** Every process below `pids` (children, their children...), as the process table has it now. */
export function descendantsOf(pids: number[]): number[] {
  const all = processes();
  const found = new Set(pids);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
  }
  for (const p of pids) found.delete(p);
  return [...found];
}

/** Whether `pid` is a live process (a zombie waiting for its parent counts as ended). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}
