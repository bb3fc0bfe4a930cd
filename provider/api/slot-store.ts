/**
 * Where an endpoint's held slots live (pacer.ts): the time each one frees up. A slot in flight
 * (sent, no answer yet) is held until its lease runs out, so that a process killed mid-request
 * cannot hold it for ever; its owner sets the real release time when the answer arrives. Times
 * are durations from now by the store's own clock: a store shared by several machines (Redis)
 * must not mix their clocks.
 */
import { randomBytes } from "node:crypto";

export type TakeResult = { slot: string } | { retryInMs: number };

export interface SlotStore {
  /** Takes a slot, held `leaseMs` at most, when fewer than `limit` are held; else says when to ask again. */
  tryTake(limit: number, leaseMs: number): Promise<TakeResult>;
  /** The slot's request has its answer: the slot stays held `holdMs` from now. */
  release(slot: string, holdMs: number): Promise<void>;
}

/**
 * How often a waiter looks again while every slot is in flight in another process (a release
 * there sends no signal here): a tenth of the window costs little and loses little.
 */
export const IN_FLIGHT_POLL_MS = 100;

export const newSlotId = (): string => randomBytes(6).toString("base64url");

/** Slots held by this process only. */
export class MemorySlotStore implements SlotStore {
  private readonly slots = new Map<string, { until: number; inFlight: boolean }>();

  constructor(private readonly now: () => number = Date.now) {}

  async tryTake(limit: number, leaseMs: number): Promise<TakeResult> {
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
