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
 *
 * Where the slots are kept is the store's business (slot-store.ts): in this process, or in a
 * file every process of the machine shares (machine-budget.ts). The pacer adds first come,
 * first served among this process's callers, and backs off when the server still answers 429
 * (others on the same key that share no store with us): additive increase, multiplicative
 * decrease, so runners that share nothing settle near the limit instead of fighting.
 */
import { haltReason, onHalt } from "./halt";
import { MemorySlotStore, THIS_PROCESS, type Asker, type SlotStore } from "./slot-store";

/** Thrown by `acquire` once requests are halted (halt.ts): the caller's request is never sent. */
export class RequestsHalted extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RequestsHalted";
  }
}

/** Throws once requests are halted (the engine is gone: provider/engine-watch.ts). */
function throwIfHalted(): void {
  const reason = haltReason();
  if (reason !== undefined) throw new RequestsHalted(reason);
}

export interface PacerOptions {
  /** Requests per window; 0 or less disables pacing. */
  limit: number;
  windowMs?: number;
  /** Extra time a slot stays held after the answer (clock granularity, timer lateness). */
  marginMs?: number;
  now?: () => number;
  /** Where slots are held (default: this process only). */
  store?: SlotStore;
  /** How long a slot may stay in flight before others may take it (a process killed mid-request). */
  inFlightLeaseMs?: number;
  /** For tests: the random source of the jitter. */
  random?: () => number;
  /** Who this pacer asks the store as (default: this process; a shared store serves the oldest first). */
  asker?: Asker;
}

/** How far back competition() looks. */
const COMPETITION_MS = 10_000;
/** The lowest share of the limit a backed-off endpoint goes down to. */
const MIN_SHARE = 1 / 16;
/**
 * Each window without a 429 gives back this share of the limit. Counted in windows of time, not
 * in answers: a runner cut down to a sixteenth gets an answer only every few seconds, and gave
 * back a tenth per answer, so it crawled on for tens of seconds after its competitors had gone
 * (bench/RESULTS.md, fleet section: a preview at 1 request per second on an idle endpoint).
 */
const RECOVERY_SHARE = 1 / 10;

export class SlidingWindowPacer {
  readonly limit: number;
  private readonly windowMs: number;
  private readonly marginMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly store: SlotStore;
  private readonly inFlightLeaseMs: number;
  private readonly asker: Asker;
  /** Callers in the order they asked: only the head takes slots from the store. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The share of the limit this process allows itself now (1: the whole limit). */
  private share = 1;
  private lastCut = -Infinity;
  private lastRise = -Infinity;
  /**
   * Below the full share, requests are spaced by the rate allowed now, measured from the last
   * slot taken, with a jitter drawn then (0.9 to 1.1) so that runners that backed off together
   * do not come back in step. Spacing, not a longer hold of each slot: a hold fixed at release
   * kept a runner at the rate of its worst moment for up to 19 s after it had recovered
   * (bench/RESULTS.md, fleet section: one stack alone crawling at 1 per second).
   */
  private lastTaken = -Infinity;
  private spacingJitter = 1;
  /** Wakes a head waiting on a slot this process releases. */
  private wake: (() => void) | undefined;
  /** This endpoint's recent answers: accepted or refused with 429 (competition()). */
  private readonly answers: Array<{ at: number; ok: boolean }> = [];
  /** Counts this process's releases: a head that missed one while asking the store asks again. */
  private releases = 0;

  constructor(opts: PacerOptions) {
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 1000;
    this.marginMs = opts.marginMs ?? 25;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.store = opts.store ?? new MemorySlotStore(this.now);
    this.inFlightLeaseMs = opts.inFlightLeaseMs ?? 60_000;
    this.asker = opts.asker ?? THIS_PROCESS;
  }

  /** The requests per window this pacer allows itself now (the limit, or less after 429s). */
  get rate(): number {
    return this.limit * this.share;
  }

  /** Waits for a slot; call the returned function when the answer (or failure) arrives. */
  async acquire(): Promise<() => void> {
    throwIfHalted();
    if (this.limit <= 0) return () => {};
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    const slot = await turn;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.store.release(slot, this.windowMs + this.marginMs).finally(() => {
        this.releases++;
        this.wake?.();
      });
    };
  }

  /**
   * The server refused a request of this endpoint with 429: halve the rate (once per window), and
   * send nothing more of it for about one request's spacing at that rate, jittered (half to one and
   * a half of it) so that runners refused together do not come back together. The wait is the
   * spacing of take(), so the rate given back while waiting shortens it. This is the whole wait
   * before the refused request is repeated (client.ts): a sleep of its own on top stalled a
   * preview, whose look-ups the engine makes one at a time, for up to 2 s per 429.
   */
  throttled(): void {
    const t = this.now();
    this.note(t, false);
    if (t - this.lastCut >= this.windowMs) {
      this.lastCut = t;
      this.lastRise = t;
      this.share = Math.max(MIN_SHARE, this.share / 2);
    }
    this.lastTaken = Math.max(this.lastTaken, t);
    this.spacingJitter = 0.5 + this.random();
  }

  /** An answer that was not a 429. */
  accepted(): void {
    const t = this.now();
    this.note(t, true);
    this.recover(t);
  }

  /**
   * A tenth of the limit back per whole window since the last cut or rise: counted in time, also
   * while a request waits for its spacing, since no 429 came meanwhile.
   */
  private recover(t: number): void {
    if (this.share >= 1) return;
    const windows = Math.floor((t - this.lastRise) / this.windowMs);
    if (windows < 1) return;
    this.lastRise += windows * this.windowMs;
    this.share = Math.min(1, this.share + windows * RECOVERY_SHARE);
  }

  /**
   * How the endpoint's limit seems to be shared, from this process's answers of the last
   * COMPETITION_MS: if it got `a` of the `limit * seconds` requests the server allows, about
   * `limit * seconds / a` runners share the limit.
   */
  competition(): string {
    const t = this.now();
    const recent = this.answers.filter((a) => a.at > t - COMPETITION_MS);
    const accepted = recent.filter((a) => a.ok).length;
    const seconds = COMPETITION_MS / 1000;
    const allowed = (this.limit * COMPETITION_MS) / this.windowMs;
    if (accepted === 0)
      return `In the last ${seconds} s the server accepted none of this process's ${recent.length} requests to this endpoint: others hold its whole limit of ${this.limit} per second.`;
    const runners = Math.max(1, Math.round(allowed / accepted));
    return (
      `In the last ${seconds} s the server accepted ${accepted} of this process's ${recent.length} requests to this endpoint: ` +
      `about ${runners} runner${runners === 1 ? "" : "s"} seem to share its limit of ${this.limit} per second.`
    );
  }

  private note(at: number, ok: boolean): void {
    this.answers.push({ at, ok });
    for (let first = this.answers[0]; first && first.at <= at - COMPETITION_MS; first = this.answers[0])
      this.answers.shift();
  }

  /** Wakes the waiting caller at once: it finds requests halted and fails, and so does each behind it (halt.ts). */
  drop(): void {
    this.wake?.();
  }

  private async take(): Promise<string> {
    for (;;) {
      throwIfHalted();
      const t = this.now();
      this.recover(t);
      const spaced = this.share < 1 ? this.lastTaken + (this.windowMs / this.rate) * this.spacingJitter - t : 0;
      if (spaced > 0) {
        // Looks again when the next window gives some rate back.
        await this.sleep(Math.min(spaced, this.lastRise + this.windowMs - t));
        continue;
      }
      const seen = this.releases;
      const got = await this.store.tryTake(this.limit, this.inFlightLeaseMs, this.asker);
      if ("slot" in got) {
        // A halt that came while the store was being asked (a file lock, a Redis round trip)
        // still stops this request; the slot is given back at once.
        if (haltReason() !== undefined) {
          await this.store.release(got.slot, 0);
          throwIfHalted();
        }
        this.lastTaken = this.now();
        this.spacingJitter = 0.9 + 0.2 * this.random();
        return got.slot;
      }
      if (this.releases !== seen) continue;
      await this.sleep(Math.max(1, got.retryInMs));
    }
  }

  /** Waits `ms`, or less when this process releases a slot or requests are halted (`wake`). */
  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
  }
}

/**
 * One pacer per (host, budget key, endpoint path), shared by every client in the process: the
 * server's limit is per key and endpoint, not per client object.
 */
const registry = new Map<string, SlidingWindowPacer>();

export function pacerFor(key: string, opts: PacerOptions): SlidingWindowPacer {
  let p = registry.get(key);
  if (!p || p.limit !== opts.limit) {
    p = new SlidingWindowPacer(opts);
    registry.set(key, p);
  }
  return p;
}

onHalt(() => {
  for (const pacer of registry.values()) pacer.drop();
});
