/**
 * Which new objects a preview will find already on the server, from one listing instead of one
 * describe each (issue 26). The engine checks a preview's resources one at a time, and check
 * looks up every new agent, phone and queue (check.ts): a department of 30 agents and 30 phones
 * made 60 describes in a row before its first binding was checked. A listing answers for 100
 * objects per call (doc 3.1.4 list_clients, 3.4.4 list_extens, 3.2.6 list_queues: `limit` at
 * most 100, `totalCount`).
 *
 * Only an absence is taken from a listing, and only from one that holds `totalCount` rows: an
 * object found is still described, since the adoption diff and the create guard need all of it.
 * A large enterprise's listing costs a call per 100 objects, so look-ups are described one by one
 * until they have cost as many calls as the whole listing would (ski rental: never more than twice
 * the cheaper way).
 */
import type { ClinkClient } from "../api";
import { listAll } from "../api/list-all";
import type { ListEndpoint } from "../schema/core";

/** doc 3.1.4 / 3.2.6 / 3.4.4 `limit`: at most 100 rows a page. */
const PAGE = 100;
/** doc 3.1.4 `offset`: at most 10000, so no listing reaches past this many rows. */
const MAX_LISTED = 10_000 + PAGE;
/**
 * How long a listing answers. A preview's checks follow each other within seconds; past this a
 * listing is taken again, so a long-lived process never answers from an old one.
 */
export const LISTING_TTL_MS = 30_000;

interface Listing {
  keys: Set<string>;
  /** Every object of the kind is in `keys` (their count is the answer's totalCount). */
  complete: boolean;
  /** Calls the whole listing costs; Infinity when it cannot be had (no totalCount, or past the offset cap). */
  pages: number;
  /** The answer's totalCount. */
  total?: number;
  /** Look-ups described one by one since the listing was taken. */
  described: number;
  at: number;
}

const listings = new WeakMap<ClinkClient, Map<string, Promise<Listing | undefined>>>();

/**
 * The rows' keys, or undefined when a row's key is not text: a number would have lost an agent
 * number's leading zeros ("0000", doc 3.1.4 example), so such a listing proves nothing.
 */
function keysOf(rows: Array<Record<string, unknown>>, field: string): Set<string> | undefined {
  const keys = new Set<string>();
  for (const row of rows) {
    const v = row?.[field];
    if (typeof v !== "string") return undefined;
    keys.add(v);
  }
  return keys;
}

function rowsOf(answer: Record<string, unknown>, key: string | string[]): Array<Record<string, unknown>> {
  for (const k of Array.isArray(key) ? key : [key])
    if (Array.isArray(answer[k])) return answer[k] as Array<Record<string, unknown>>;
  return [];
}

async function firstPage(client: ClinkClient, list: ListEndpoint & { keyField: string }, now: number) {
  const answer = await client.request("GET", list.path, { query: { offset: 0, limit: PAGE } });
  const rows = rowsOf(answer, list.key);
  const total = typeof answer.totalCount === "number" ? answer.totalCount : undefined;
  const keys = keysOf(rows, list.keyField);
  if (!keys)
    return { keys: new Set<string>(), complete: false, pages: Infinity, described: 0, at: now } satisfies Listing;
  // A short page without totalCount is the whole list; with one, only as many keys as it says
  // (the document's own example answers one row with a totalCount of 51).
  const complete = total === undefined ? rows.length < PAGE : keys.size >= total;
  const pages = total === undefined || total > MAX_LISTED ? Infinity : Math.ceil(total / PAGE);
  return { keys, complete, total, pages, described: 0, at: now } satisfies Listing;
}

/**
 * True when the kind's listing shows no object with this key: the look-up would find nothing,
 * and no describe is needed. False when it might exist (describe it): found in the listing, a
 * listing that does not hold every object, or one that could not be read (the describe then
 * reports what is wrong, as before).
 */
export async function listedAbsent(
  client: ClinkClient,
  list: ListEndpoint | undefined,
  key: string,
  now: () => number = Date.now,
): Promise<boolean> {
  if (!list?.keyField) return false;
  const endpoint = { ...list, keyField: list.keyField };
  let byPath = listings.get(client);
  if (!byPath) listings.set(client, (byPath = new Map()));
  let pending = byPath.get(list.path);
  const held = pending && (await pending);
  if (!held || now() - held.at > LISTING_TTL_MS) {
    pending = firstPage(client, endpoint, now()).catch(() => undefined);
    byPath.set(list.path, pending);
  }
  const listing = await pending!;
  if (!listing) {
    byPath.delete(list.path);
    return false;
  }
  if (listing.keys.has(key)) return false;
  if (listing.complete) return true;
  if (++listing.described < listing.pages) return false;
  // As many describes as the listing's pages: list it all once, and answer from it from now on.
  listing.pages = Infinity;
  try {
    const rows = await listAll<Record<string, unknown>>(client, list.path, list.key, {}, PAGE);
    const keys = keysOf(rows, endpoint.keyField);
    if (!keys) return false;
    listing.keys = keys;
    listing.complete = listing.total !== undefined && keys.size >= listing.total;
    listing.at = now();
  } catch {
    return false;
  }
  return listing.complete && !listing.keys.has(key);
}
