/**
 * Reads a center through the list and describe endpoints of doc section 3, all kinds at once,
 * each endpoint under the client's shared per-endpoint pacer (doc 2.6: 3 requests per second per
 * endpoint). Which endpoints a kind reads, and what it pulls in for the objects it refers to,
 * is its folder's (provider/resources/<kind>/catalog.ts, `export.read`); here is what every kind
 * shares: the filter, one request per list however many kinds read it (agents and bindings both
 * read list_clients), a worker pool per kind, a read once per object however many refer to it,
 * and a stop at the first failure.
 *
 * Objects listed but gone by the time they are described (ResourceNotFound) are left out.
 */
import { catalog, ClinkApiError, ClinkClient, type ReadContext, type Row, type Tally } from "./definitions";
import { KINDS, kindInfo, REFERS_TO, type Kind } from "./kinds";
import { passes, referable, type Filter } from "./options";

/** The center as the kinds' reads left it: each kind's objects by natural key. */
export interface Center {
  objects: Map<Kind, Map<string, Row>>;
  /** Keys of a kind that other kinds' objects refer to (a binding's phone number). */
  wants: Map<Kind, Set<string>>;
}

/** A ClinkClient that counts its calls per endpoint and stops sending once the export failed. */
export class CountingClient extends ClinkClient {
  readonly calls = new Map<string, number>();
  failure: unknown;

  override async request<T extends Record<string, unknown> = Record<string, unknown>>(
    method: "GET" | "POST",
    path: string,
    options?: Parameters<ClinkClient["request"]>[2],
  ): Promise<T & { requestId?: string }> {
    if (this.failure !== undefined) throw this.failure;
    // The exporter only reads: a write here would be a bug, and must never reach a live center.
    if (method !== "GET") throw new Error(`pulumi-clink export: refusing to send ${method} ${path}`);
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
    return super.request<T>(method, path, options);
  }

  get totalCalls(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }
}

export type { Tally };
/** Progress per kind: objects known and objects done (read in full). */
export type Progress = Map<Kind, Tally>;

/**
 * A worker pool: at most `size` tasks at once. The pacer queues requests anyway; the pool keeps
 * the queue short, so that after a failure the export stops within a few requests instead of
 * draining hundreds of queued describes.
 */
function pool(size: number, client: CountingClient) {
  const waiting: Array<() => void> = [];
  let running = 0;
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    if (client.failure !== undefined) throw client.failure;
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** ResourceNotFound (the object went away between the list and its describe) reads as gone. */
async function unlessGone<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ClinkApiError && err.code === "ResourceNotFound") return undefined;
    throw err;
  }
}

const getOrSet = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
};

export async function readCenter(client: CountingClient, filter: Filter, progress: Progress): Promise<Center> {
  const center: Center = { objects: new Map(), wants: new Map() };
  const roots = filter.roots;
  // Enough requests in flight to keep each endpoint's window full (3 per second and ~1 s per
  // slot, provider/api/pacer.ts), few enough that a failure stops the export quickly.
  const width = client.rate > 0 ? Math.max(4, Math.ceil(client.rate * 3)) : 16;
  const pools = new Map<Kind, ReturnType<typeof pool>>();
  const lists = new Map<string, Promise<Row[]>>();
  const reads = new Map<string, Promise<void>>();

  const tasks: Array<Promise<unknown>> = [];
  const run = (task: () => Promise<unknown>) => {
    const p = task().catch((err: unknown) => {
      client.failure ??= err;
      throw err;
    });
    tasks.push(p);
  };

  const contextOf = (kind: Kind): ReadContext => {
    const ctx: ReadContext = {
      client,
      isRoot: roots.has(kind),
      passes: (keys, k = kind) => passes(filter, k, keys),
      referable: (k = kind) => referable(filter, k),
      objects: (k = kind) => getOrSet(center.objects, k, () => new Map()),
      tally: (k = kind) => getOrSet(progress, k, (): Tally => ({ known: 0, done: 0 })),
      keepAll: (rows) => {
        const objects = ctx.objects();
        rows.forEach((row, i) => objects.set(String(i), row));
        const t = ctx.tally();
        t.known = t.done = objects.size;
      },
      list: (k = kind, query = {}) => {
        const list = catalog.find((c) => c.kind === k)?.schema.list;
        if (!list) throw new Error(`pulumi-clink export: ${k} has no list endpoint in its catalog.ts`);
        return getOrSet(lists, `${list.path}?${JSON.stringify(query)}`, () =>
          client.listAll<Row>(list.path, list.key, query),
        );
      },
      pool: (task) => getOrSet(pools, kind, () => pool(width, client))(task),
      once: (key, read) => getOrSet(reads, `${kind}\u0000${key}`, read),
      pull: (k, key) => {
        const pull = kindInfo(k).pull;
        return pull && referable(filter, k) && passes(filter, k, [key]) ? pull(contexts(k), key) : Promise.resolve();
      },
      want: (k, key) => void getOrSet(center.wants, k, () => new Set<string>()).add(key),
      unlessGone,
    };
    return ctx;
  };
  const made = new Map<Kind, ReadContext>();
  const contexts = (kind: Kind) => getOrSet(made, kind, () => contextOf(kind));

  // A kind is read for its own sake, or in full when a kind exported refers to it and it cannot
  // be read one object at a time (phones: a binding's number may be answered masked).
  const readKind = (k: (typeof KINDS)[number]) =>
    roots.has(k.kind) ||
    (!k.pull && referable(filter, k.kind) && [...roots].some((r) => REFERS_TO[r]?.includes(k.kind)));
  for (const k of KINDS) if (readKind(k)) run(() => k.read(contexts(k.kind)));

  // Every task settles before the first failure is reported: none keeps sending after we return.
  const settled = await Promise.allSettled(tasks);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw client.failure ?? failed.reason;
  await Promise.all(reads.values());
  return center;
}
