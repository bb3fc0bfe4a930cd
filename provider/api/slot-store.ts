/**
 * Where an endpoint's held slots live (pacer.ts): the time each one frees up. A slot in flight
 * (sent, no answer yet) is held until its lease runs out, so that a process killed mid-request
 * cannot hold it for ever; its owner sets the real release time when the answer arrives. Times
 * are durations from now by the store's own clock: a store shared by several machines (Redis)
 * must not mix their clocks.
 */
import { randomBytes } from "node:crypto";

export type TakeResult = { slot: string } | { retryInMs: number };

/**
 * Who asks for a slot: the caller at the head of one process's queue for the endpoint (pacer.ts).
 * A store shared by several processes serves the oldest process first (see `Waiting`).
 */
export interface Asker {
  /** One per process. */
  id: string;
  /** When the process started (ms since the epoch): the lower, the sooner it is served. */
  rank: number;
}

/** This process as an asker. */
export const THIS_PROCESS: Asker = {
  id: `${process.pid}.${randomBytes(4).toString("hex")}`,
  rank: Math.round(Date.now() - process.uptime() * 1000),
};

export interface SlotStore {
  /**
   * Takes a slot, held `leaseMs` at most, when fewer than `limit` are held and no asker served
   * before `asker` waits for the free ones; else says when to ask again.
   */
  tryTake(limit: number, leaseMs: number, asker?: Asker): Promise<TakeResult>;
  /** The slot's request has its answer: the slot stays held `holdMs` from now. */
  release(slot: string, holdMs: number): Promise<void>;
}

/**
 * How often a waiter looks again while every slot is in flight in another process (a release
 * there sends no signal here): a tenth of the window costs little and loses little.
 */
export const IN_FLIGHT_POLL_MS = 100;

export const newSlotId = (): string => randomBytes(6).toString("base64url");

/**
 * Oldest process first, among the processes that share a store. Served first come, first served,
 * K stacks applied at once advance in step: all preview together, then all apply together, and
 * an endpoint one phase of each stack needs (e.g. list_client_tels, looked up by the bindings in
 * the preview and again in the update) idles while every stack is in another phase. Served
 * oldest first, the stacks run staggered: one stack's bindings use that endpoint while the next
 * stack's agents are still being looked up, and the shared limit is used all along
 * (bench/RESULTS.md, fleet section). The total work is the same; no asker waits for ever: one
 * waiting STARVE_MS goes before every asker that has waited less.
 *
 * An asker that finds no slot it may take is noted as waiting until it asks again (its wait and
 * GRACE_MS): others leave it the slot that frees up meanwhile. One that does not come back (a
 * killed process, a late timer) is passed over after that.
 */
export const GRACE_MS = 50;
export const STARVE_MS = 30_000;

/** A noted waiter: its rank, when it first asked, until when it counts. */
export interface Waiting {
  rank: number;
  first: number;
  until: number;
}

/**
 * Whether `asker` may take one of `free` slots now, given the others waiting (expired ones
 * already dropped); if not, when something changes for it (the earliest `until` of those ahead).
 */
export function servedBefore(
  asker: Asker,
  first: number,
  others: Array<Waiting & { id: string }>,
  free: number,
  now: number,
  starveMs: number = STARVE_MS,
): { take: true } | { take: false; aheadUntil: number } {
  const key = (rank: number, since: number) => (now - since >= starveMs ? since - 1e13 : rank);
  const mine = key(asker.rank, first);
  const ahead = others.filter((w) => {
    const k = key(w.rank, w.first);
    return k < mine || (k === mine && w.id < asker.id);
  });
  if (free > ahead.length) return { take: true };
  return { take: false, aheadUntil: Math.min(...ahead.map((w) => w.until)) };
}

/** Slots held by this process only. */
export class MemorySlotStore implements SlotStore {
  private readonly slots = new Map<string, { until: number; inFlight: boolean }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** One process: its pacer serves its callers first come, first served; `asker` changes nothing. */
  async tryTake(limit: number, leaseMs: number, _asker?: Asker): Promise<TakeResult> {
    const t = this.now();
    for (const [id, s] of this.slots) if (s.until <= t) this.slots.delete(id);
    if (this.slots.size < limit) {
      const slot = newSlotId();
      this.slots.set(slot, { until: t + leaseMs, inFlight: true });
      return { slot };
    }
    return { retryInMs: earliest([...this.slots.values()], t) - t };
  }

  async release(slot: string, holdMs: number): Promise<void> {
    if (this.slots.has(slot)) this.slots.set(slot, { until: this.now() + holdMs, inFlight: false });
  }
}

/**
 * When a slot may free up: the earliest answered slot's release time, or, when every slot is in
 * flight, a short poll (the pacer is also woken by its own process's releases).
 */
export function earliest(slots: Array<{ until: number; inFlight: boolean }>, now: number): number {
  const answered = slots.filter((s) => !s.inFlight).map((s) => s.until);
  const poll = slots.some((s) => s.inFlight) ? now + IN_FLIGHT_POLL_MS : Infinity;
  return Math.min(poll, ...answered);
}
