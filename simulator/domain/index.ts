/**
 * The enterprise model: composes the endpoint modules of doc section 3 (and 4.2.8) behind the
 * `Enterprise` seam the HTTP layer talks to.
 */
import {
  AdminError,
  type ApiRequest,
  type ApiResult,
  type CreateEnterprise,
  type Enterprise,
  type Route,
} from "../contract";
import { agentStatusModule, liveOf, loggedOut, setAgentActivity } from "./agent-status";
import { clientsModule } from "./clients";
import { extensModule } from "./extens";
import { globalsModule } from "./globals";
import {
  ApiFailure,
  answer,
  clone,
  Params,
  Store,
  type Ctx,
  type EndpointDef,
  type EndpointModule,
  type Obj,
} from "./kernel";
import { numbersModule } from "./numbers";
import { pausesModule } from "./pauses";
import { queuesModule } from "./queues";
import { restrictModule } from "./restrict";
import { buildSeed } from "./seed";

const MODULES: EndpointModule[] = [
  clientsModule,
  queuesModule,
  pausesModule,
  extensModule,
  numbersModule,
  restrictModule,
  globalsModule,
  agentStatusModule,
];

export const createEnterprise: CreateEnterprise = (options = {}) => {
  const saved = options.state as
    | {
        store?: unknown;
        flags?: Record<string, string[]>;
        live?: { details?: Array<[string, string]>; callsCut?: number };
      }
    | undefined;
  const ctx: Ctx = {
    store: Store.import(saved?.store),
    seed: buildSeed(options.seed),
    now: options.now ?? Date.now,
    passwordEncryption: options.passwordEncryption ?? "aes",
    strict: options.strict ?? false,
    flags: {
      onlineAgents: new Set(saved?.flags?.onlineAgents ?? []),
      ivrQueues: new Set(saved?.flags?.ivrQueues ?? []),
      registeredExtens: new Set(saved?.flags?.registeredExtens ?? []),
    },
  };

  Object.assign(liveOf(ctx), {
    details: new Map(saved?.live?.details ?? []),
    callsCut: saved?.live?.callsCut ?? 0,
  });

  const byRoute = new Map<string, EndpointDef>();
  const kinds = new Map<string, { idField: string }>();
  for (const m of MODULES) {
    for (const e of m.endpoints) byRoute.set(`${e.method} ${e.path}`, e);
    for (const [k, v] of Object.entries(m.kinds ?? {})) kinds.set(k, v);
  }

  const kindOf = (kind: string) => {
    const k = kinds.get(kind);
    if (!k) throw new AdminError(`unknown kind "${kind}"; known: ${[...kinds.keys()].join(", ")}`);
    return { table: ctx.store.table(kind), idField: k.idField };
  };
  const existing = (kind: string, id: string) => {
    const { table } = kindOf(kind);
    const obj = table.get(id);
    if (!obj) throw new AdminError(`no ${kind} "${id}"`, 404);
    return obj;
  };

  const enterprise: Enterprise = {
    routes(): Route[] {
      return [...byRoute.values()].map((e) => ({ method: e.method, path: e.path }));
    },
    handle(req: ApiRequest): ApiResult {
      const e = byRoute.get(`${req.method} ${req.path}`);
      if (!e) return { status: 404, body: { error: { code: "ResourceNotFound", message: "接口不存在" } } };
      return answer(() => e.handler(new Params(req), ctx, req));
    },
    admin: {
      kinds: () => [...kinds.keys()],
      list: (kind) => [...kindOf(kind).table.values()].map(clone),
      edit(kind, id, patch) {
        const obj = existing(kind, id);
        Object.assign(obj, clone(patch));
        return clone(obj);
      },
      remove(kind, id) {
        existing(kind, id);
        kindOf(kind).table.delete(id);
      },
      insert(kind, value) {
        const { table, idField } = kindOf(kind);
        let id = value[idField];
        if (id === undefined || id === null || id === "") {
          id = ctx.store.nextId(kind);
          value = { ...value, [idField]: id };
        }
        if (table.has(String(id))) throw new AdminError(`${kind} "${String(id)}" already exists`, 409);
        table.set(String(id), clone(value) as Obj);
        return clone(value);
      },
      setAgentOnline(cno, online) {
        existing("client", cno);
        if (online) ctx.flags.onlineAgents.add(cno);
        else {
          loggedOut(ctx, cno, false);
          ctx.flags.onlineAgents.delete(cno);
        }
      },
      setAgentState(cno, state) {
        existing("client", cno);
        setAgentActivity(ctx, cno, state);
      },
      callsCut: () => liveOf(ctx).callsCut,
      setQueueUsedByIvr(qno, used) {
        existing("queue", qno);
        if (used) ctx.flags.ivrQueues.add(qno);
        else ctx.flags.ivrQueues.delete(qno);
      },
      setExtenRegistered(extenNumber, registered) {
        existing("exten", extenNumber);
        if (registered) ctx.flags.registeredExtens.add(extenNumber);
        else ctx.flags.registeredExtens.delete(extenNumber);
      },
    },
    exportState() {
      return {
        store: ctx.store.export(),
        flags: {
          onlineAgents: [...ctx.flags.onlineAgents],
          ivrQueues: [...ctx.flags.ivrQueues],
          registeredExtens: [...ctx.flags.registeredExtens],
        },
        live: { details: [...liveOf(ctx).details], callsCut: liveOf(ctx).callsCut },
      };
    },
  };
  return enterprise;
};

export { ApiFailure };
