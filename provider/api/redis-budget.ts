/**
 * An endpoint's slots held in a Redis the team already runs (`clink:rateLimitRedis` /
 * `CLINK_RATE_LIMIT_REDIS`), so that runners on several machines (a CI matrix, the Kubernetes
 * Operator's workspace pods) share doc 2.6's 3 requests per second per endpoint.
 *
 * The slots are the same as in this process and on this machine (pacer.ts: held from send until a
 * window after the answer), kept in one sorted set per (host, budget key, endpoint), scored by the
 * time each frees up, and changed by two Lua scripts, each atomic at the server. Times come from
 * Redis's own clock (TIME): the runners' clocks may disagree. A slot in flight is held until its
 * lease (the response timeout and a window): a runner killed mid-request holds it no longer.
 *
 * Why ioredis and not bottleneck's clustering: bottleneck counts a reservoir refilled per
 * interval, or a minimum time between starts; neither holds a slot until a window after the
 * answer, which is what keeps the server's sliding window (its strictest reading) under the limit
 * whatever the network's delay.
 */
import { createHash } from "node:crypto";
import type Redis from "ioredis";
import {
  GRACE_MS,
  IN_FLIGHT_POLL_MS,
  MemorySlotStore,
  newSlotId,
  STARVE_MS,
  THIS_PROCESS,
  type Asker,
  type SlotStore,
  type TakeResult,
} from "./slot-store";

/**
 * KEYS[1] the set, KEYS[2] the waiters (a hash: asker id -> "rank first until"); ARGV limit,
 * lease (ms), slot id, poll (ms), asker id, asker rank, grace (ms), starve (ms). Returns {1} or
 * {0, wait ms}. Who goes first is slot-store.ts's `servedBefore`, written again in Lua.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local limit = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
local me = ARGV[5]
local rank = tonumber(ARGV[6])
local grace = tonumber(ARGV[7])
local starve = tonumber(ARGV[8])
local free = limit - redis.call('ZCARD', KEYS[1])
local first = now
local others = {}
local w = redis.call('HGETALL', KEYS[2])
for i = 1, #w, 2 do
  local r, f, u = string.match(w[i + 1], '^(%S+) (%S+) (%S+)$')
  r = tonumber(r); f = tonumber(f); u = tonumber(u)
  if u == nil or u <= now then
    redis.call('HDEL', KEYS[2], w[i])
  elseif w[i] == me then
    first = f
  else
    others[#others + 1] = {w[i], r, f, u}
  end
end
local function key(r, f) if now - f >= starve then return f - 1e13 end return r end
local mine = key(rank, first)
local ahead = 0
local aheadUntil = -1
for _, o in ipairs(others) do
  local k = key(o[2], o[3])
  if k < mine or (k == mine and o[1] < me) then
    ahead = ahead + 1
    if aheadUntil < 0 or o[4] < aheadUntil then aheadUntil = o[4] end
  end
end
if free > ahead then
  redis.call('ZADD', KEYS[1], now + lease, 'f:' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], lease + 60000)
  redis.call('HDEL', KEYS[2], me)
  return {1, 0}
end
local wait = -1
if free > 0 then
  wait = aheadUntil - now
else
  local held = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  for i = 1, #held, 2 do
    local x
    if string.sub(held[i], 1, 2) == 'f:' then x = tonumber(ARGV[4]) else x = tonumber(held[i + 1]) - now end
    if wait < 0 or x < wait then wait = x end
  end
end
if wait < 1 then wait = 1 end
redis.call('HSET', KEYS[2], me, string.format('%.0f %.0f %.0f', rank, first, now + wait + grace))
redis.call('PEXPIRE', KEYS[2], wait + grace + 60000)
return {0, wait}
`;

/** KEYS[1] the set; ARGV slot id, hold (ms): the slot's request has its answer. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], 'f:' .. ARGV[1])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), 'a:' .. ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 60000)
return 1
`;

type BudgetRedis = Redis & {
  clinkTake(
    key: string,
    waiters: string,
    limit: number,
    leaseMs: number,
    slot: string,
    pollMs: number,
    asker: string,
    rank: number,
    graceMs: number,
    starveMs: number,
  ): Promise<[number, number]>;
  clinkRelease(key: string, slot: string, holdMs: number): Promise<number>;
};

/** One connection per Redis URL and process. */
const connections = new Map<string, BudgetRedis>();

/**
 * The connection for `url`. ioredis is loaded on first use: most runs share no Redis, and loading
 * it costs every provider process about 50 ms.
 */
async function connection(url: string): Promise<BudgetRedis> {
  let redis = connections.get(url);
  if (!redis) {
    // The named export: under node16 this import() is Node's own, whose `default` of a CommonJS
    // package is its whole module object.
    const { Redis: RedisClient } = await import("ioredis");
    redis = connections.get(url);
    if (redis) return redis;
    redis = new RedisClient(url, {
      // A budget that cannot be reached must not hold up the deployment: fail fast, fall back.
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      lazyConnect: false,
    }) as BudgetRedis;
    redis.on("error", () => {}); // reported once by the store that falls back
    redis.defineCommand("clinkTake", { numberOfKeys: 2, lua: TAKE });
    redis.defineCommand("clinkRelease", { numberOfKeys: 1, lua: RELEASE });
    connections.set(url, redis);
  }
  return redis;
}

/** Closes this process's budget connections (the exporter at its end; the plugin is killed). */
export async function closeRedisBudgets(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map((r) => r.quit().catch(() => r.disconnect())));
}

/** The Redis URL without its password, for messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

export class RedisSlotStore implements SlotStore {
  private readonly key: string;
  private fallback: SlotStore | undefined;

  /**
   * @param budget host, budget key and endpoint path (hashed into the Redis key, which so names no
   *   key id).
   * @param otherwise where slots are kept when Redis cannot be reached (the machine's budget).
   */
  constructor(
    private readonly url: string,
    budget: string,
    private readonly otherwise: () => SlotStore = () => new MemorySlotStore(),
    private readonly starveMs: number = STARVE_MS,
  ) {
    this.key = `pulumi-clink:rate:${createHash("sha256").update(budget).digest("hex").slice(0, 32)}`;
  }

  async tryTake(limit: number, leaseMs: number, asker: Asker = THIS_PROCESS): Promise<TakeResult> {
    if (this.fallback) return this.fallback.tryTake(limit, leaseMs, asker);
    try {
      const slot = newSlotId();
      const [took, wait] = await (
        await connection(this.url)
      ).clinkTake(
        this.key,
        `${this.key}:waiting`,
        limit,
        leaseMs,
        slot,
        IN_FLIGHT_POLL_MS,
        asker.id,
        asker.rank,
        GRACE_MS,
        this.starveMs,
      );
      return took === 1 ? { slot } : { retryInMs: Math.max(1, wait) };
    } catch (err) {
      return this.fallBack(err).tryTake(limit, leaseMs, asker);
    }
  }

  async release(slot: string, holdMs: number): Promise<void> {
    if (this.fallback) return this.fallback.release(slot, holdMs);
    try {
      await (await connection(this.url)).clinkRelease(this.key, slot, Math.ceil(holdMs));
    } catch (err) {
      this.fallBack(err);
    }
  }

  private fallBack(err: unknown): SlotStore {
    if (!this.fallback) {
      this.fallback = this.otherwise();
      console.error(
        `pulumi-clink: the shared rate budget at ${redactedRedisUrl(this.url)} cannot be used ` +
          `(${err instanceof Error ? err.message : String(err)}); this runner paces itself with the machine's budget ` +
          `and backs off on 429.`,
      );
    }
    return this.fallback;
  }
}
