/**
 * Doc 7.1 agent_status: what logged-in agents are doing, and the calls the admin API rings, starts
 * and ends on them. Doc 4.2.8 offline_client (domain/clients.ts) logging out an agent on a call cuts
 * that call: the simulator counts it (`callsCut`), so a test can assert that no deployment did.
 *
 * Read from the document alone: the request takes the codes of its `agentStatus` table (IDLE:空闲;
 * PAUSE:置忙; WRAPUP:整理; CALLING:呼叫中; RINGING:响铃; BUSY:通话), the answer example gives the
 * words ("agentStatus": "空闲"), and `agentStatusDetail` one of 空闲, 忙碌, 整理, 呼叫中, 响铃, 呼入振铃,
 * 外呼振铃, 通话, 呼入通话, 外呼通话 (or a custom pause's name). An agent not logged in is not listed.
 */
import { AdminError } from "../contract";
import { fail, page, type Ctx, type EndpointModule, type Obj } from "./kernel";
import { membersOf } from "./queues";

/** Doc 7.1 request `agentStatus`: code → the word the answer shows. */
const CODE_WORD: Record<string, string> = {
  IDLE: "空闲",
  PAUSE: "置忙",
  WRAPUP: "整理",
  CALLING: "呼叫中",
  RINGING: "响铃",
  BUSY: "通话",
};

/** Doc 7.1 `agentStatusDetails` words → their code. */
const DETAIL_CODE: Record<string, string> = {
  空闲: "IDLE",
  忙碌: "PAUSE",
  置忙: "PAUSE",
  整理: "WRAPUP",
  呼叫中: "CALLING",
  响铃: "RINGING",
  呼入振铃: "RINGING",
  外呼振铃: "RINGING",
  通话: "BUSY",
  呼入通话: "BUSY",
  外呼通话: "BUSY",
};

/** The detail a code starts with when the admin API gives only the code. */
const CODE_DETAIL: Record<string, string> = {
  IDLE: "空闲",
  PAUSE: "忙碌",
  WRAPUP: "整理",
  CALLING: "呼叫中",
  RINGING: "呼入振铃",
  BUSY: "呼入通话",
};

const ON_A_CALL = new Set(["CALLING", "RINGING", "BUSY"]);

export interface LiveState {
  /** Per logged-in agent: its `agentStatusDetail` word (absent: 空闲). */
  details: Map<string, string>;
  /** Calls cut by a log-out (doc 4.2.8) while the agent was calling, ringing or talking. */
  callsCut: number;
}

export function liveOf(ctx: Ctx): LiveState {
  const c = ctx as Ctx & { live?: LiveState };
  c.live ??= { details: new Map(), callsCut: 0 };
  return c.live;
}

const codeOf = (ctx: Ctx, cno: string) => DETAIL_CODE[liveOf(ctx).details.get(cno) ?? "空闲"] ?? "PAUSE";

/** Whether the agent is on a call now (calling, ringing or talking). */
export function onCall(ctx: Ctx, cno: string): boolean {
  return ctx.flags.onlineAgents.has(cno) && ON_A_CALL.has(codeOf(ctx, cno));
}

/**
 * The agent leaves (doc 4.2.8 offline_client): a call it was on is cut and counted. The admin
 * API's own log-out (`online: false`) ends the call first and cuts nothing.
 */
export function loggedOut(ctx: Ctx, cno: string, cutting: boolean): void {
  if (cutting && onCall(ctx, cno)) liveOf(ctx).callsCut++;
  liveOf(ctx).details.delete(cno);
}

/**
 * Admin: put an agent into a state, by code (IDLE, PAUSE, WRAPUP, CALLING, RINGING, BUSY) or
 * detail word (通话, 外呼振铃, ...); "END" ends a call into 整理 (wrap-up). The agent is logged in.
 */
export function setAgentActivity(ctx: Ctx, cno: string, state: string): void {
  const upper = state.trim().toUpperCase();
  const detail =
    upper === "END" ? "整理" : (CODE_DETAIL[upper] ?? (DETAIL_CODE[state.trim()] ? state.trim() : undefined));
  if (!detail)
    throw new AdminError(
      `unknown agent state "${state}": use ${Object.keys(CODE_DETAIL).join(", ")}, END or a detail word (${Object.keys(DETAIL_CODE).join(", ")})`,
    );
  ctx.flags.onlineAgents.add(cno);
  liveOf(ctx).details.set(cno, detail);
}

const CUSTOMER: Record<string, string> = { CALLING: "呼叫中", RINGING: "响铃", BUSY: "通话" };

function entryOf(ctx: Ctx, cno: string): Obj {
  const client = ctx.store.table("client").get(cno) ?? {};
  const code = codeOf(ctx, cno);
  const tel = [...ctx.store.table("clientTel").values()].find((t) => t.cno === cno && Number(t.isBind) === 1);
  const queues: Record<string, string> = {};
  for (const q of ctx.store.table("queue").values())
    if (membersOf(ctx, String(q.qno)).some((m) => m.cno === cno)) queues[String(q.qno)] = String(q.name ?? "");
  return {
    cno,
    clientName: client.name ?? null,
    bindType: tel ? (tel.telType ?? 1) : null,
    bindTel: tel ? String(tel.tel) : null,
    customerNumber: "",
    customerNumberEncrypt: "",
    pauseType: code === "PAUSE" ? 1 : null,
    pauseDescription: code === "PAUSE" ? (liveOf(ctx).details.get(cno) ?? null) : null,
    agentStatus: CODE_WORD[code],
    customerStatus: CUSTOMER[code] ?? "空闲",
    agentStatusDetail: liveOf(ctx).details.get(cno) ?? "空闲",
    idleTimeOut: 5,
    stateDuration: 0,
    loginDuration: 0,
    queuesMap: queues,
    predictToCall: 0,
  };
}

export const agentStatusModule: EndpointModule = {
  endpoints: [
    {
      method: "GET",
      path: "/cc/agent_status",
      handler(p, ctx) {
        p.rejectUnknown(["qnos", "cnos", "agentStatus", "agentStatusDetails", "pauseTypes", "offset", "limit"]);
        const strings = (name: string) => {
          const v = p.has(name) ? p.raw(name) : undefined;
          if (v === undefined) return undefined;
          const list = Array.isArray(v) ? v : [v];
          return list.map(String);
        };
        const cnos = strings("cnos");
        for (const c of cnos ?? []) if (!/^\d{4,11}$/.test(c)) throw fail.invalid("cnos 座席号,4-11 位数字");
        // A strict server names the unknown agent instead of leaving it out (doc 2.4.1 ResourceNotFound).
        for (const c of cnos ?? []) fail.strictlyNotFound(ctx, !ctx.store.table("client").has(c), "座席不存在");
        const qnos = strings("qnos");
        const codes = strings("agentStatus");
        for (const c of codes ?? [])
          if (!CODE_WORD[c]) throw fail.invalid(`agentStatus 取值必须是 ${Object.keys(CODE_WORD).join(", ")} 之一`);
        const details = strings("agentStatusDetails");
        for (const t of strings("pauseTypes") ?? [])
          if (!["1", "2", "3", "4"].includes(t)) throw fail.invalid("pauseTypes 取值必须是 1, 2, 3, 4 之一");
        if ((p.int("offset", { min: 0 }) ?? 0) > 10000) throw fail.invalid("offset 最大范围10000");
        const inQueues = qnos ? new Set(qnos.flatMap((q) => membersOf(ctx, q).map((m) => m.cno))) : undefined;
        const all = [...ctx.flags.onlineAgents]
          .filter((cno) => ctx.store.table("client").has(cno))
          .filter((cno) => !cnos || cnos.includes(cno))
          .filter((cno) => !inQueues || inQueues.has(cno))
          .filter((cno) => !codes || codes.includes(codeOf(ctx, cno)))
          .filter((cno) => !details || details.includes(liveOf(ctx).details.get(cno) ?? "空闲"))
          .sort()
          .map((cno) => entryOf(ctx, cno));
        const { slice, ...paging } = page(p, all, { defaultLimit: 10, maxLimit: 100 });
        return { ...paging, agentStatus: slice };
      },
    },
  ],
};
