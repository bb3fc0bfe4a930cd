/**
 * Client-side pacing per endpoint (doc 2.6 请求频次限制: 3 requests per second per
 * endpoint by default).
 *
 * The document does not say how the server counts, so we assume the strictest reading: a
 * sliding one-second window measured where requests arrive. A request can arrive no earlier
 * than it is sent and no later than its answer comes back, so if the (N+1)-th request is sent
 * at least one window after the answer to the first of the last N arrived, no window at the
 * server can hold more than N, whatever the network jitter. A slot is therefore held from
 * send until `answer + window + margin`. A token bucket with a burst allowance does not have
 * this property.
 */

import { haltReason, onHalt } from "./halt";

/** Thrown by `acquire` once requests are halted (halt.ts): the caller's request is never sent. */
export class RequestsHalted extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RequestsHalted";
  }
}

export interface PacerOptions {
  /** Requests per window; 0 or less disables pacing. */
  limit: number;
  windowMs?: number;
  /** Extra time a slot stays held after the answer (clock granularity, timer lateness). */
  marginMs?: number;
  now?: () => number;
}

export class SlidingWindowPacer {
  readonly limit: number;
  private readonly windowMs: number;
  private readonly marginMs: number;
  private readonly now: () => number;
  /** Release time of each held slot; Infinity while its request is in flight. */
  private readonly slots: number[] = [];
  private readonly waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: PacerOptions) {
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 1000;
    this.marginMs = opts.marginMs ?? 25;
    this.now = opts.now ?? Date.now;
  }

  /** Waits for a slot; call the returned function when the answer (or failure) arrives. */
  async acquire(): Promise<() => void> {
    const halted = () => {
      const reason = haltReason();
      if (reason !== undefined) throw new RequestsHalted(reason);
    };
    halted();
    if (this.limit <= 0) return () => {};
    // First come, first served: a caller that was woken and lost the race goes back to the front.
    let woken = false;
    for (;;) {
      halted();
      this.prune();
      if (this.slots.length < this.limit && (woken || this.waiters.length === 0)) break;
      await new Promise<void>((resolve) => {
        if (woken) this.waiters.unshift(resolve);
        else this.waiters.push(resolve);
        this.schedule();
      });
      woken = true;
    }
    this.slots.push(Infinity);
    const slot = { released: false };
    return () => {
      if (slot.released) return;
      slot.released = true;
      // Replace one in-flight marker by this answer's release time.
      const i = this.slots.indexOf(Infinity);
      if (i >= 0) this.slots[i] = this.now() + this.windowMs + this.marginMs;
      this.schedule();
    };
  }

  /** Wakes every waiter at once: each finds requests halted and fails (halt.ts). */
  drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const wake of this.waiters.splice(0)) wake();
  }

  private prune(): void {
    const t = this.now();
    for (let i = this.slots.length - 1; i >= 0; i--) if (this.slots[i] <= t) this.slots.splice(i, 1);
  }

  /** Wakes the first waiter when the earliest finite slot frees up. */
  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    this.prune();
    if (this.slots.length < this.limit) {
      this.waiters.shift()?.();
      if (this.waiters.length) queueMicrotask(() => this.schedule());
      return;
    }
    const finite = this.slots.filter((s) => s !== Infinity);
    if (finite.length === 0) return; // all in flight: a release will call schedule()
    const wait = Math.max(0, Math.min(...finite) - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, wait);
  }
}

/**
 * One pacer per (host, access key, endpoint path), shared by every client in the process: the
 * server's limit is per key and endpoint, not per client object.
 */
const registry = new Map<string, SlidingWindowPacer>();
onHalt(() => {
  for (const pacer of registry.values()) pacer.drop();
});

export function pacerFor(key: string, opts: PacerOptions): SlidingWindowPacer {
  let p = registry.get(key);
  if (!p || p.limit !== opts.limit) {
    p = new SlidingWindowPacer(opts);
    registry.set(key, p);
  }
  return p;
}
