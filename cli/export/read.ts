/**
 * Reads a center through the list and describe endpoints of doc section 3, all endpoints at
 * once, each under the client's shared per-endpoint pacer (doc 2.6: 3 requests per second per
 * endpoint). Lists are read 100 objects per page (the documented maximum `limit` of each list);
 * describes are made only where no list answers the fields:
 *
 * - agents: list_clients (3.1.4) answers 14 fields; permission, caller numbers, wrap-up and the
 *   rest come from describe_client (3.1.5), the gains from list_other_setting (3.1.14): the
 *   provider's own read (`describeClient`), one per agent. Bindings come from the list's `bindTel`.
 * - queues: list_queues (3.2.6) answers id, qno, name and head counts only: describe_queue
 *   (3.2.7) per queue, as the provider reads it.
 * - phones: list_extens (3.4.4) answers every field describe_exten (3.4.5) does: list only.
 * - number groups (3.5.8 page_dynamic_tel_group_rule), pauses (3.3.1 list_enterprise_pauses, one
 *   unpaged answer) and lists (3.7.1 list_restrict_tel, once per list: `restrictType` is
 *   required) answer every field: lists only. The switch is one call (3.7.4).
 *
 * Objects listed but gone by the time they are described (ResourceNotFound) are left out.
 */
import {
  ClinkApiError,
  ClinkClient,
  allGroups,
  allPauses,
  describeClient,
  describeQueue,
  describeSetting,
} from "./definitions";
import type { Inputs } from "./definitions";
import type { Kind } from "./kinds";
import { passes, referable, type Filter } from "./options";

/** The center as the provider's reads see it: describe-shaped objects by natural key. */
export interface Center {
  /** describe_client + gains, by cno. */
  clients: Map<string, Inputs>;
  /** list_clients rows, by cno (bindings: `bindTel`). */
  listedClients: Map<string, Inputs>;
  queues: Map<string, Inputs>;
  extens: Map<string, Inputs>;
  groups: Inputs[];
  pauses: Inputs[];
  /** list_restrict_tel rows, each with its list's `restrictType`. */
  restrictTels: Inputs[];
  setting?: Inputs;
  /** Which kinds were read at all (a kind not read has no objects, and nothing refers into it). */
  read: Set<Kind>;
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

/** Progress per kind: objects known and objects done (read in full). */
export interface Tally {
  known: number;
  done: number;
}
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

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export async function readCenter(client: CountingClient, filter: Filter, progress: Progress): Promise<Center> {
  const center: Center = {
    clients: new Map(),
    listedClients: new Map(),
    queues: new Map(),
    extens: new Map(),
    groups: [],
    pauses: [],
    restrictTels: [],
    read: new Set(),
  };
  const tally = (kind: Kind) => {
    let t = progress.get(kind);
    if (!t) progress.set(kind, (t = { known: 0, done: 0 }));
    return t;
  };
  const roots = filter.roots;
  // Enough requests in flight to keep each endpoint's window full (3 per second and ~1 s per
  // slot, provider/api/pacer.ts), few enough that a failure stops the export quickly.
  const width = client.rate > 0 ? Math.max(4, Math.ceil(client.rate * 3)) : 16;
  const agentPool = pool(width, client);
  const queuePool = pool(width, client);

  const agentReads = new Map<string, Promise<void>>();
  /** Reads an agent in full once, however many queues and bindings refer to it. */
  const describeAgent = (cno: string): Promise<void> => {
    let read = agentReads.get(cno);
    if (!read) {
      center.read.add("client");
      tally("client").known++;
      read = agentPool(async () => {
        const agent = await unlessGone(() => describeClient(client, cno));
        if (agent) center.clients.set(cno, agent);
        tally("client").done++;
      });
      agentReads.set(cno, read);
    }
    return read;
  };
  const wantAgent = (cno: string, asRoot: boolean) =>
    (asRoot ? roots.has("client") : referable(filter, "client")) && passes(filter, "client", [cno]);

  const tasks: Array<Promise<unknown>> = [];
  const run = (task: () => Promise<unknown>) => {
    const p = task().catch((err: unknown) => {
      client.failure ??= err;
      throw err;
    });
    tasks.push(p);
  };

  const bindings = roots.has("clientPhone");
  if (roots.has("client") || bindings) {
    run(async () => {
      if (bindings) tally("clientPhone");
      const listed = await client.listAll<Inputs>("/cc/list_clients", "clients");
      const agents: Array<Promise<void>> = [];
      for (const row of listed) {
        const cno = text(row.cno);
        if (cno === "") continue;
        center.listedClients.set(cno, row);
        if (wantAgent(cno, true)) agents.push(describeAgent(cno));
        if (bindings && text(row.bindTel) !== "" && passes(filter, "clientPhone", [cno])) {
          tally("clientPhone").known++;
          tally("clientPhone").done++;
          if (wantAgent(cno, false)) agents.push(describeAgent(cno));
        }
      }
      if (bindings) center.read.add("clientPhone");
      await Promise.all(agents);
    });
  }

  if (roots.has("queue")) {
    run(async () => {
      center.read.add("queue");
      const listed = await client.listAll<Inputs>("/cc/list_queues", "queues");
      const wanted = listed.map((q) => text(q.qno)).filter((qno) => qno !== "" && passes(filter, "queue", [qno]));
      tally("queue").known += wanted.length;
      await Promise.all(
        wanted.map(async (qno) => {
          const queue = await queuePool(() => describeQueue(client, qno));
          tally("queue").done++;
          if (!queue) return;
          center.queues.set(qno, queue);
          const members = Array.isArray(queue.queueMembers) ? (queue.queueMembers as Inputs[]) : [];
          // A member's agent is read in full too (pulled in) unless agents are excluded; outside
          // the queue pool, so describe_queue never waits for describe_client's queue.
          await Promise.all(
            members
              .map((m) => text(m.cno))
              .filter((cno) => cno !== "" && wantAgent(cno, false))
              .map(describeAgent),
          );
        }),
      );
    });
  }

  if (roots.has("exten") || (bindings && referable(filter, "exten"))) {
    run(async () => {
      center.read.add("exten");
      const listed = await client.listAll<Inputs>("/cc/list_extens", "extens");
      for (const e of listed) if (text(e.extenNumber) !== "") center.extens.set(text(e.extenNumber), e);
      if (roots.has("exten")) {
        const t = tally("exten");
        t.known = t.done = [...center.extens.keys()].filter((n) => passes(filter, "exten", [n])).length;
      }
    });
  }

  if (roots.has("dynamicTelGroup")) {
    run(async () => {
      center.read.add("dynamicTelGroup");
      center.groups = await allGroups(client);
      const t = tally("dynamicTelGroup");
      t.known = t.done = center.groups.length;
    });
  }

  if (roots.has("pause")) {
    run(async () => {
      center.read.add("pause");
      center.pauses = await allPauses(client);
      const t = tally("pause");
      t.known = t.done = center.pauses.length;
    });
  }

  if (roots.has("restrictTel")) {
    run(async () => {
      center.read.add("restrictTel");
      // 3.7.1 `restrictType` is required: one listing per list. The table names the answer's
      // list `list`, the example `restrictTels`: both are read (docs/design.md).
      const lists = await Promise.all(
        [1, 2].map(async (restrictType) =>
          (await client.listAll<Inputs>("/cc/list_restrict_tel", ["restrictTels", "list"], { restrictType })).map(
            (e) => ({ ...e, restrictType: e.restrictType ?? restrictType }),
          ),
        ),
      );
      center.restrictTels = lists.flat();
      const t = tally("restrictTel");
      t.known = t.done = center.restrictTels.length;
    });
  }

  if (roots.has("restrictTelSetting")) {
    run(async () => {
      center.read.add("restrictTelSetting");
      center.setting = await describeSetting(client);
      const t = tally("restrictTelSetting");
      t.known = t.done = center.setting ? 1 : 0;
    });
  }

  // Every task settles before the first failure is reported: none keeps sending after we return.
  const settled = await Promise.allSettled(tasks);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw client.failure ?? failed.reason;
  await Promise.all(agentReads.values());
  return center;
}
