/**
 * Doc section 3.2: queues and their members.
 *
 * Members live in the shared `membership` table (key `${qno}:${cno}`), which 3.1's `qnos` on
 * clients reads and writes too: one truth, whichever door changed it.
 */
import { fail, omit, page, Params, requestId, type Ctx, type EndpointModule, type Obj } from "./kernel";

/** Doc 3.2.1 `qno`: 4 digits; the vendor SDK (QueueDetailModel): "默认四位数字支持3-5位", 3-5 supported. `name`: Chinese, letters, digits, underscore, at most 20. */
const QNO = /^\d{3,5}$/;
const NAME = /^[\p{Script=Han}A-Za-z0-9_]+$/u;

/** Settings with their documented ranges and defaults (doc 3.2.1 create_queue). */
const SETTINGS: Array<{ name: string; min?: number; max?: number; oneOf?: number[]; dflt: number }> = [
  { name: "maxWait", min: 0, max: 999, dflt: 5 },
  { name: "memberTimeout", min: 20, max: 60, dflt: 25 },
  { name: "queueTimeout", min: 30, max: 600, dflt: 600 },
  { name: "strategy", min: 1, max: 14, dflt: 2 },
  { name: "weight", min: 1, max: 10, dflt: 1 },
  { name: "wrapupTime", min: 3, max: 300, dflt: 15 },
  { name: "serviceLevel", min: 10, max: 30, dflt: 15 },
  { name: "joinEmpty", min: 0, max: 31, dflt: 0 },
  { name: "ibAllowed", oneOf: [0, 1], dflt: 1 },
  { name: "sayCno", oneOf: [0, 1], dflt: 0 },
  { name: "vipSupport", oneOf: [0, 1], dflt: 0 },
  { name: "maxPauseClientFlag", oneOf: [0, 1], dflt: 0 },
  { name: "maxPauseClientType", oneOf: [0, 1], dflt: 0 },
  { name: "maxPauseClientValue", min: 0, dflt: 0 },
  { name: "chatStrategy", oneOf: [2, 4, 5], dflt: 2 },
  { name: "chatMaxWait", min: 0, dflt: 20 },
  { name: "chatLocation", min: 0, dflt: 10 },
];
const SETTING_NAMES = SETTINGS.map((s) => s.name);

/** The time a batch takes before query_batch_update_queue_info reports it done (doc 3.2.4 says it runs asynchronously). */
export const BATCH_DELAY_MS = 150;

/** A type (not an interface) so that a batch is an `Obj` the store can keep and export. */
type Batch = {
  batchId: string;
  readyAt: number;
  queues: Obj[];
  status: 0 | 1 | -1;
};

/** The store keeps plain objects (and reloads them from a saved state): a batch is checked on the way out. */
function isBatch(o: Obj): o is Obj & Batch {
  return (
    typeof o.batchId === "string" &&
    typeof o.readyAt === "number" &&
    Array.isArray(o.queues) &&
    (o.status === 0 || o.status === 1 || o.status === -1)
  );
}

const queues = (ctx: Ctx) => ctx.store.table("queue");
const memberships = (ctx: Ctx) => ctx.store.table("membership");
const batches = (ctx: Ctx) => ctx.store.table("queueBatch");

export function membersOf(ctx: Ctx, qno: string): Array<{ cno: string; penalty: number }> {
  return [...memberships(ctx).values()]
    .filter((m) => m.qno === qno)
    .map((m) => ({ cno: String(m.cno), penalty: Number(m.penalty) }))
    .sort((a, b) => a.cno.localeCompare(b.cno));
}

function setMember(ctx: Ctx, qno: string, cno: string, penalty: number) {
  memberships(ctx).set(`${qno}:${cno}`, { key: `${qno}:${cno}`, qno, cno, penalty });
}

function removeMember(ctx: Ctx, qno: string, cno: string) {
  memberships(ctx).delete(`${qno}:${cno}`);
}

function readSettings(p: Params, onCreate: boolean): Obj {
  const out: Obj = {};
  for (const s of SETTINGS) {
    const v = p.int(s.name, { min: s.min, max: s.max, oneOf: s.oneOf });
    if (v !== undefined) out[s.name] = v;
    else if (onCreate) out[s.name] = s.dflt;
  }
  // Doc 3.2.1 `maxPauseClientValue`: when the type is a percentage the value is at most 100.
  return out;
}

function checkPercent(q: Obj) {
  if (q.maxPauseClientType === 0 && Number(q.maxPauseClientValue) > 100)
    throw fail.invalid("maxPauseClientValue 为百分比时不能大于100");
}

function readName(p: Params, required: boolean) {
  return p.str("name", { required, max: 20, pattern: NAME, what: "只允许输入中文、字母、数字、下划线" });
}

function readMembers(raw: unknown, ctx: Ctx, field: string): Array<{ cno: string; penalty: number }> {
  if (!Array.isArray(raw)) throw fail.invalid(`${field} 必须是数组`);
  const seen = new Set<string>();
  return raw.map((m) => {
    if (typeof m !== "object" || m === null) throw fail.invalid(`${field} 的元素必须是对象`);
    const { cno, penalty } = m as Obj;
    if (cno === undefined || cno === null || cno === "") throw fail.missing(`${field}.cno`);
    const c = String(cno);
    if (seen.has(c)) throw fail.invalid(`${field} 中座席号重复: ${c}`);
    seen.add(c);
    const pen = penalty === undefined || penalty === null ? 1 : Number(penalty);
    if (!Number.isInteger(pen) || pen < 1 || pen > 10) throw fail.invalid(`${field}.penalty 取值范围 1-10`);
    if (!ctx.store.table("client").has(c)) throw fail.code(400, "ResourceNotFound", `座席不存在: ${c}`);
    return { cno: c, penalty: pen };
  });
}

function mustFind(ctx: Ctx, qno: string): Obj {
  const q = queues(ctx).get(qno);
  // Doc 3.2.5 and 3.2.7 errors: a missing queue is ResourceNotFound with HTTP 400 (not 404).
  if (!q) throw fail.code(400, "ResourceNotFound", "队列号不存在");
  return q;
}

function view(ctx: Ctx, q: Obj): Obj {
  return { ...omit(q, ["id"]), queueMembers: membersOf(ctx, String(q.qno)) };
}

/** Applies batches whose time has come; every queue endpoint calls it first, so reads see them. */
function settleBatches(ctx: Ctx) {
  for (const batch of batches(ctx).values()) {
    if (!isBatch(batch) || batch.status !== 0 || ctx.now() < batch.readyAt) continue;
    try {
      for (const item of batch.queues) applyBatchItem(ctx, item);
      batch.status = 1;
    } catch {
      batch.status = -1;
    }
  }
}

function applyBatchItem(ctx: Ctx, item: Obj) {
  const q = queues(ctx).get(String(item.qno));
  if (!q) throw new Error("queue vanished");
  for (const name of ["name", ...SETTING_NAMES]) if (item[name] !== undefined) q[name] = item[name];
  for (const m of (item.queueMembers as Array<{ cno: string; penalty: number }> | undefined) ?? [])
    setMember(ctx, String(item.qno), m.cno, m.penalty);
  for (const cno of (item.removeQueueMembers as string[] | undefined) ?? []) removeMember(ctx, String(item.qno), cno);
}

/** Validates one queueModel (doc 3.2.3, queueModel 对象) by reading it through the same Params rules. */
function readBatchItem(raw: unknown, ctx: Ctx): Obj {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw fail.invalid("queues 的元素必须是对象");
  const p = Params.of(raw as Obj);
  const qno = p.str("qno", { required: true, pattern: QNO, what: "3-5位数字" })!;
  const name = readName(p, true);
  const settings = readSettings(p, false);
  const item: Obj = { qno, name, ...settings };
  if (p.has("queueMembers")) item.queueMembers = readMembers(p.raw("queueMembers"), ctx, "queueMembers");
  if (p.has("removeQueueMembers")) {
    const list = p.array<unknown>("removeQueueMembers")!.map(String);
    for (const cno of list)
      if (!ctx.store.table("client").has(cno)) throw fail.code(400, "ResourceNotFound", `座席不存在: ${cno}`);
    item.removeQueueMembers = list;
  }
  p.rejectUnknown(["qno", "name", ...SETTING_NAMES, "queueMembers", "removeQueueMembers"]);
  return item;
}

export const queuesModule: EndpointModule = {
  kinds: { queue: { idField: "qno" }, membership: { idField: "key" } },
  endpoints: [
    {
      method: "POST",
      path: "/cc/create_queue",
      handler(p, ctx) {
        settleBatches(ctx);
        const qno = p.str("qno", { required: true, pattern: QNO, what: "3-5位数字" })!;
        const name = readName(p, true)!;
        const settings = readSettings(p, true);
        checkPercent(settings);
        const members = p.has("queueMembers") ? readMembers(p.raw("queueMembers"), ctx, "queueMembers") : [];
        p.rejectUnknown(["qno", "name", ...SETTING_NAMES, "queueMembers"]);
        if (queues(ctx).has(qno)) throw fail.code(400, "QueueExist", "队列号已经存在");
        const q: Obj = { id: ctx.store.nextId("queue"), qno, name, ...settings };
        queues(ctx).set(qno, q);
        for (const m of members) setMember(ctx, qno, m.cno, m.penalty);
        return { queue: view(ctx, q) };
      },
    },
    {
      method: "POST",
      path: "/cc/update_queue",
      handler(p, ctx) {
        settleBatches(ctx);
        const qno = p.str("qno", { required: true, pattern: QNO, what: "3-5位数字" })!;
        const name = readName(p, false);
        const settings = readSettings(p, false);
        const members = p.has("queueMembers") ? readMembers(p.raw("queueMembers"), ctx, "queueMembers") : undefined;
        p.rejectUnknown(["qno", "name", ...SETTING_NAMES, "queueMembers"]);
        const q = mustFind(ctx, qno);
        // Omitted fields keep their values: the doc (3.2.2 update_queue) lists defaults for update too
        // but never says an omitted field is reset; the provider restates every field anyway.
        const next = { ...q, ...(name !== undefined ? { name } : {}), ...settings };
        checkPercent(next);
        Object.assign(q, next);
        // Doc 3.2.2 `queueMembers`: a full overwrite ("全覆盖策略").
        if (members) {
          for (const m of membersOf(ctx, qno)) removeMember(ctx, qno, m.cno);
          for (const m of members) setMember(ctx, qno, m.cno, m.penalty);
        }
        return { queue: view(ctx, q) };
      },
    },
    {
      method: "POST",
      path: "/cc/batch_update_queue",
      handler(p, ctx) {
        settleBatches(ctx);
        const list = p.array<unknown>("queues", { required: true })!;
        p.rejectUnknown(["queues"]);
        if (list.length === 0) throw fail.invalid("queues 不能为空");
        const items = list.map((raw) => readBatchItem(raw, ctx));
        const qnos = items.map((i) => String(i.qno));
        // Doc 3.2.3 errors: duplicate qno, missing queue, missing agent.
        if (new Set(qnos).size !== qnos.length) throw fail.invalid("队列号重复");
        for (const item of items) {
          const q = mustFindForBatch(ctx, String(item.qno));
          checkPercent({ ...q, ...item });
        }
        const batchId = requestId();
        const batch: Batch = { batchId, readyAt: ctx.now() + BATCH_DELAY_MS, queues: items, status: 0 };
        batches(ctx).set(batchId, batch);
        return { result: "ok", batchId };
      },
    },
    {
      method: "GET",
      path: "/cc/query_batch_update_queue_info",
      handler(p, ctx) {
        settleBatches(ctx);
        const batchId = p.str("batchId", { required: true })!;
        p.rejectUnknown(["batchId"]);
        const b = batches(ctx).get(batchId);
        // Doc 3.2.4 `status`: -2 means the task does not exist (an answer, not an error).
        return { batchId, status: b && isBatch(b) ? b.status : -2 };
      },
    },
    {
      method: "POST",
      path: "/cc/delete_queue",
      handler(p, ctx) {
        settleBatches(ctx);
        const qno = p.str("qno", { required: true })!;
        p.rejectUnknown(["qno"]);
        mustFind(ctx, qno);
        // Doc 3.2.5 errors OnlineClientInQueue, QueueInUse.
        if (membersOf(ctx, qno).some((m) => ctx.flags.onlineAgents.has(m.cno)))
          throw fail.code(400, "OnlineClientInQueue", "队列中有座席在线");
        if (ctx.flags.ivrQueues.has(qno)) throw fail.code(400, "QueueInUse", "队列正在被IVR使用");
        for (const m of membersOf(ctx, qno)) removeMember(ctx, qno, m.cno);
        queues(ctx).delete(qno);
        return { qno };
      },
    },
    {
      method: "GET",
      path: "/cc/list_queues",
      handler(p, ctx) {
        settleBatches(ctx);
        const all = [...queues(ctx).values()].sort((a, b) => Number(a.id) - Number(b.id));
        const { slice, ...paging } = page(p, all, { defaultLimit: 10, maxLimit: 100 });
        p.rejectUnknown(["offset", "limit"]);
        const clients = ctx.store.table("client");
        return {
          queues: slice.map((q) => {
            const types = membersOf(ctx, String(q.qno)).map((m) => Number(clients.get(m.cno)?.type ?? 2));
            return {
              id: q.id,
              qno: q.qno,
              name: q.name,
              omniClientNum: types.filter((t) => t === 1).length,
              callClientNum: types.filter((t) => t === 2).length,
              chatClientNum: types.filter((t) => t === 3).length,
            };
          }),
          ...paging,
        };
      },
    },
    {
      method: "GET",
      path: "/cc/describe_queue",
      handler(p, ctx) {
        settleBatches(ctx);
        const qno = p.str("qno", { required: true })!;
        p.rejectUnknown(["qno"]);
        const q = mustFind(ctx, qno);
        const clients = ctx.store.table("client");
        const result = {
          enterpriseId: ctx.seed.enterpriseId,
          ...omit(q, ["id"]),
          retry: 5, // doc 3.2.7 `retry`: <=0 means the default 5; there is no way to set it
          queueMembers: membersOf(ctx, qno).map((m) => ({ ...m, type: Number(clients.get(m.cno)?.type ?? 2) })),
        };
        // The document's example answers under `result`; the vendor SDK's DescribeQueueResponse
        // reads `queue`. Both keys carry the queue so either client finds it.
        return { result, queue: result };
      },
    },
    {
      method: "GET",
      path: "/cc/list_queues_with_agent_action",
      handler(p, ctx) {
        settleBatches(ctx);
        const cno = p.str("cno", { required: true })!;
        p.rejectUnknown(["cno"]);
        const clients = ctx.store.table("client");
        fail.strictlyNotFound(ctx, !clients.has(cno), "座席不存在");
        const mine = [...queues(ctx).values()].filter((q) => memberships(ctx).has(`${String(q.qno)}:${cno}`));
        return {
          queues: mine.map((q) => {
            const list = membersOf(ctx, String(q.qno)).map((m) => {
              const online = ctx.flags.onlineAgents.has(m.cno);
              return {
                cno: m.cno,
                name: clients.get(m.cno)?.name ?? m.cno,
                status: online ? "空闲" : "离线",
                duration: 0,
                code: online ? "IDLE" : "OFFLINE",
              };
            });
            return {
              id: q.id,
              qno: q.qno,
              name: q.name,
              idle: list.filter((c) => c.code === "IDLE").length,
              total: list.length,
              clientLists: list,
            };
          }),
        };
      },
    },
  ],
};

function mustFindForBatch(ctx: Ctx, qno: string): Obj {
  const q = queues(ctx).get(qno);
  if (!q) throw fail.code(400, "ResourceNotFound", `队列不存在: ${qno}`);
  return q;
}
