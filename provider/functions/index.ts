/**
 * Read-only lookups (Pulumi functions): each has a plain async form (`getX`) and an Output form
 * (`getXOutput`) that takes Inputs. They run in the program's process with the stack's `clink:*`
 * config (or the `CLINK_*` environment), or with an explicit `client`. Lists page through every
 * page.
 */
import * as pulumi from "@pulumi/pulumi";
import { ClinkApiError, type ClinkClient } from "../api";
import { schemas } from "../resources/schemas";
import type { ListEndpoint } from "../schema/core";
import { clientFromSettings, settingsFromConfig } from "../settings";

export interface LookupOptions {
  /** Use this client instead of one built from the stack config / environment. */
  client?: ClinkClient;
}

type Obj = Record<string, unknown>;

let programClient: ClinkClient | undefined;

/** The program's client: stack config first (read without the secret-value warning), then CLINK_*. */
function clientFor(options?: LookupOptions): ClinkClient {
  if (options?.client) return options.client;
  // runtime.getConfig reads a secret value without Config.get's "use getSecret" warning.
  programClient ??= clientFromSettings(settingsFromConfig({ get: (k) => pulumi.runtime.getConfig(k) }));
  return programClient;
}

async function get<T>(options: LookupOptions | undefined, path: string, key: string, query: Obj = {}): Promise<T> {
  const answer = await clientFor(options).request<Obj>("GET", path, { query });
  return answer[key] as T;
}

/**
 * Every page of a list endpoint: a kind's, as its schema.ts names it (the exporter reads
 * the same), or one of a center's settings no resource manages.
 */
const all = <T = Obj>(options: LookupOptions | undefined, source: string | ListEndpoint, query: Obj = {}) => {
  const list = typeof source === "string" ? schemas[source]?.list : source;
  if (!list) throw new Error(`pulumi-clink: ${String(source)} has no list endpoint in its schema.ts`);
  return clientFor(options).listAll<T>(list.path, list.key, query);
};

/** Drops undefined filters so they are not sent. */
function defined(args: Obj | undefined): Obj {
  return Object.fromEntries(Object.entries(args ?? {}).filter(([, v]) => v !== undefined));
}

/** The Output form of a lookup: waits for Input arguments, then calls the plain form. */
function outputForm<A extends object, R>(fn: (args: A, options?: LookupOptions) => Promise<R>) {
  return (
    args?: pulumi.Input<A> | { [K in keyof A]?: pulumi.Input<A[K]> },
    options?: LookupOptions,
  ): pulumi.Output<R> => pulumi.output(args ?? ({} as A)).apply((a) => fn(a as A, options)) as pulumi.Output<R>;
}

/** 3.5.1: the enterprise's caller numbers (外显号码). */
export const getClidNumbers = (_args: object = {}, options?: LookupOptions) =>
  get<string[]>(options, "/cc/list_clid_numbers", "clids").then((l) => l ?? []);
export const getClidNumbersOutput = outputForm(getClidNumbers);

/** 3.5.2: the enterprise's hotlines (热线号码). */
export const getHotlineNumbers = (_args: object = {}, options?: LookupOptions) =>
  get<string[]>(options, "/cc/list_hotline_numbers", "hotlines").then((l) => l ?? []);
export const getHotlineNumbersOutput = outputForm(getHotlineNumbers);

/**
 * A listing filtered by the name of an object the center may not have (yet: one the same program
 * creates, at preview): none, also when the server answers ResourceNotFound (doc 2.4.1).
 */
function noneIfNotFound<T>(named: boolean, listing: Promise<T[]>): Promise<T[]> {
  return listing.catch((err: unknown) => {
    if (named && err instanceof ClinkApiError && err.code === "ResourceNotFound") return [];
    throw err;
  });
}

/** 3.5.8: dynamic number groups with every setting, optionally filtered. */
export const getDynamicTelGroups = (args: { name?: string; status?: number } = {}, options?: LookupOptions) =>
  noneIfNotFound(args.name !== undefined, all(options, "DynamicTelGroup", defined(args)));
export const getDynamicTelGroupsOutput = outputForm(getDynamicTelGroups);

/** 3.5.4 batch_get_areacode: where numbers belong, batched 500 at a time (`numbers`: the rest is dropped). */
export async function getNumberAreas(
  args: { numbers: string[] },
  options?: LookupOptions,
): Promise<Record<string, Obj>> {
  const out: Record<string, Obj> = {};
  for (let i = 0; i < args.numbers.length; i += 500) {
    const batch = args.numbers.slice(i, i + 500);
    Object.assign(
      out,
      await get<Record<string, Obj>>(options, "/cc/batch_get_areacode", "data", { numbers: batch.join(",") }),
    );
  }
  return out;
}
export const getNumberAreasOutput = outputForm(getNumberAreas);

/** 3.6.1: IVRs (语音导航). */
export const getIvrs = (_args: object = {}, options?: LookupOptions) =>
  get<Obj[]>(options, "/cc/list_ivrs", "ivrs").then((l) => l ?? []);
export const getIvrsOutput = outputForm(getIvrs);

/** 3.6.2: the nodes of one IVR, by name. */
export const getIvrNodes = (args: { ivrName: string }, options?: LookupOptions) =>
  get<Obj[]>(options, "/cc/list_ivr_nodes", "ivrNodes", { ivrName: args.ivrName }).then((l) => l ?? []);
export const getIvrNodesOutput = outputForm(getIvrNodes);

/** 3.8.1: the satisfaction-survey switches. */
export const getSatisfactionSetting = (_args: object = {}, options?: LookupOptions) =>
  get<Obj>(options, "/cc/investigation_setting", "setting");
export const getSatisfactionSettingOutput = outputForm(getSatisfactionSetting);

/** 3.8.2: satisfaction templates, optionally filtered by caller numbers or IVR names. */
export const getSatisfactionTemplates = (
  args: { obClid?: string[]; ivrName?: string[] } = {},
  options?: LookupOptions,
) => all(options, { path: "/cc/list_investigation", key: "investigations" }, defined(args));
export const getSatisfactionTemplatesOutput = outputForm(getSatisfactionTemplates);

/** 3.9.1: voice mail boxes (留言箱). */
export const getVoiceMails = (_args: object = {}, options?: LookupOptions) =>
  all(options, { path: "/cc/list_voice_mails", key: "voiceMails" });
export const getVoiceMailsOutput = outputForm(getVoiceMails);

/** 3.10.1: the account's concurrency and licences. */
export const getConcurrency = (_args: object = {}, options?: LookupOptions) =>
  get<Obj>(options, "/cc/list_concurrent_info", "concurrentInfo");
export const getConcurrencyOutput = outputForm(getConcurrency);

/** 3.1.4 list_clients filters; times are epoch seconds (创建时间 / 修改时间 ranges). */
export interface GetClientsArgs {
  qno?: string;
  active?: number;
  clid?: string;
  bindTel?: string;
  /** Created at or after (epoch seconds). */
  startTime?: number;
  /** Created at or before (epoch seconds). */
  endTime?: number;
  /** Last changed at or after (epoch seconds). */
  updateStartTime?: number;
  /** Last changed at or before (epoch seconds). */
  updateEndTime?: number;
}

/** 3.1.4: agents, with the document's filters; a `qno` the center does not have has none. */
export const getClients = (args: GetClientsArgs = {}, options?: LookupOptions) =>
  noneIfNotFound(args.qno !== undefined, all(options, "Client", defined(args as Obj)));
export const getClientsOutput = outputForm(getClients);

/** 3.2.6: queues with their member counts. */
export const getQueues = (_args: object = {}, options?: LookupOptions) => all(options, "Queue");
export const getQueuesOutput = outputForm(getQueues);

/** 3.4.4: phones, by area code and type. */
export const getExtens = (args: { areaCode?: string; type?: number } = {}, options?: LookupOptions) =>
  all(options, "Exten", defined(args));
export const getExtensOutput = outputForm(getExtens);
