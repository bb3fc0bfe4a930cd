/**
 * An endpoint's slots shared by every process of this machine and user that uses the same
 * budget key (doc 2.6: the limit is per endpoint; several stacks applied at once by several engine
 * processes, the exporter and look-ups all draw on it). One small JSON file per (host, key,
 * endpoint) in a directory of the user's own, changed under a lock file (proper-lockfile: a
 * directory made atomically, taken over once stale, so a process killed while holding it blocks
 * nobody for long).
 *
 * A slot records its owner's pid: one left in flight by a process that no longer exists frees up a
 * window after that is seen (its request may still have reached the server), not at its lease.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as lockfile from "proper-lockfile";
import {
  earliest,
  GRACE_MS,
  MemorySlotStore,
  newSlotId,
  servedBefore,
  STARVE_MS,
  THIS_PROCESS,
  type Asker,
  type SlotStore,
  type TakeResult,
  type Waiting,
} from "./slot-store";

interface Held {
  id: string;
  until: number;
  inFlight: boolean;
  pid: number;
}

/**
 * A process waiting for a slot (slot-store.ts, `servedBefore`). Kept in the same array as the
 * slots, without an `id`: a process of an earlier release reads the file as it did (it drops
 * these entries, and the waiter notes itself again when it next asks).
 */
interface Waiter extends Waiting {
  w: string;
}

/** The directory the budget files live in: per user, so no other user can meddle with them. */
export function budgetDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLINK_RATE_BUDGET_DIR) return env.CLINK_RATE_BUDGET_DIR;
  const uid = typeof process.getuid === "function" ? process.getuid() : os.userInfo().username;
  return path.join(os.tmpdir(), `pulumi-clink-rate-${uid}`);
}

export class MachineSlotStore implements SlotStore {
  private readonly file: string;
  private fallback: MemorySlotStore | undefined;

  /**
   * @param key what the budget is shared by: host, budget key and endpoint path (hashed into the
   *   file name, so the file names no key).
   * @param settleMs how long after its owner is found gone an in-flight slot stays held (the
   *   window and the margin).
   */
  constructor(
    key: string,
    private readonly settleMs: number,
    private readonly now: () => number = Date.now,
    private readonly dir: string = budgetDirectory(),
    private readonly starveMs: number = STARVE_MS,
  ) {
    this.file = path.join(dir, `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`);
  }

  async tryTake(limit: number, leaseMs: number, asker: Asker = THIS_PROCESS): Promise<TakeResult> {
    if (this.fallback) return this.fallback.tryTake(limit, leaseMs, asker);
    try {
      return await this.changed<TakeResult>((slots, waiters) => {
        const t = this.now();
        const live = slots.filter((s) => s.until > t);
        const waiting = waiters.filter((w) => w.until > t);
        const others = waiting.filter((w) => w.w !== asker.id).map((w) => ({ ...w, id: w.w }));
        const first = waiting.find((w) => w.w === asker.id)?.first ?? t;
        const free = limit - live.length;
        const turn = servedBefore(asker, first, others, free, t, this.starveMs);
        if (turn.take) {
          const slot = newSlotId();
          return {
            slots: [...live, { id: slot, until: t + leaseMs, inFlight: true, pid: process.pid }],
            waiters: others.map(({ id: _id, ...w }) => w),
            result: { slot },
          };
        }
        // Free slots are left to those served first; else the next slot to free up.
        const retryInMs = Math.max(1, free > 0 ? turn.aheadUntil - t : earliest(live, t) - t);
        const mine: Waiter = { w: asker.id, rank: asker.rank, first, until: t + retryInMs + GRACE_MS };
        return {
          slots: live,
          waiters: [...others.map(({ id: _id, ...w }) => w), mine],
          result: { retryInMs },
        };
      });
    } catch (err) {
      return this.fallBack(err).tryTake(limit, leaseMs, asker);
    }
  }

  async release(slot: string, holdMs: number): Promise<void> {
    if (this.fallback) return this.fallback.release(slot, holdMs);
    try {
      const until = this.now() + holdMs;
      await this.changed((slots, waiters) => ({
        slots: slots.map((s) => (s.id === slot ? { ...s, until, inFlight: false } : s)),
        waiters,
        result: undefined,
      }));
    } catch (err) {
      this.fallBack(err);
    }
  }

  /** Reads the slots, lets `change` decide, writes them back: all under the lock. */
  private async changed<T>(
    change: (slots: Held[], waiters: Waiter[]) => { slots: Held[]; waiters: Waiter[]; result: T },
  ): Promise<T> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const unlock = await lockfile.lock(this.file, {
      realpath: false,
      stale: 2000,
      retries: { retries: 200, minTimeout: 1, maxTimeout: 20, factor: 1.5 },
    });
    try {
      const entries = this.read();
      const { slots, waiters, result } = change(this.settled(entries.filter(isHeld)), entries.filter(isWaiter));
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify([...slots, ...waiters]), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
      return result;
    } finally {
      await unlock();
    }
  }

  private read(): unknown[] {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file, "utf8"));
      return Array.isArray(parsed) ? (parsed as unknown[]) : [];
    } catch {
      return []; // not there yet, or cut short by a killed writer: nothing held
    }
  }

  /** In-flight slots of processes that are gone free up one window from now. */
  private settled(slots: Held[]): Held[] {
    const t = this.now();
    return slots.map((s) =>
      s.inFlight && s.pid !== process.pid && !alive(s.pid)
        ? { ...s, inFlight: false, until: Math.min(s.until, t + this.settleMs) }
        : s,
    );
  }

  /** A budget that cannot be shared (no writable temporary directory) is kept in this process. */
  private fallBack(err: unknown): MemorySlotStore {
    if (!this.fallback) {
      this.fallback = new MemorySlotStore(this.now);
      console.error(
        `pulumi-clink: the machine-wide rate budget in ${this.dir} cannot be used (${err instanceof Error ? err.message : String(err)}); ` +
          `this process paces itself alone.`,
      );
    }
    return this.fallback;
  }
}

function isHeld(v: unknown): v is Held {
  const s = v as Held;
  return !!s && typeof s.id === "string" && typeof s.until === "number" && typeof s.pid === "number";
}

function isWaiter(v: unknown): v is Waiter {
  const w = v as Waiter;
  return (
    !!w &&
    typeof w.w === "string" &&
    typeof w.rank === "number" &&
    typeof w.first === "number" &&
    typeof w.until === "number"
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
