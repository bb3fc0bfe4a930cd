/**
 * Which new objects a preview will find already on the server, from one listing instead of one
 * describe each (issue 26). The engine checks a preview's resources one at a time, and check
 * looks up every new agent, phone and queue (check.ts): a department of 30 agents and 30 phones
 * made 60 describes in a row before its first binding was checked. A listing answers for 100
 * objects per call (doc 3.1.4 list_clients, 3.4.4 list_extens, 3.2.6 list_queues: `limit` at
 * most 100, `totalCount`).
 *
 * Only an absence is taken from a listing, and only from one whose distinct keys number its
 * `totalCount`: an object found is still described, since the adoption diff and the create guard
 * need all of it. A large enterprise's listing costs a call per 100 objects, so look-ups are
 * described one by one until they have cost as many calls as the whole listing would (ski rental:
 * never more than twice the cheaper way).
 */
import type { ClinkClient } from "../api";
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
  /** The first page's totalCount. */
  total?: number;
  /** Calls the whole listing costs; Infinity when it cannot be had (no totalCount, or past the offset cap). */
  pages: number;
  /** Look-ups described one by one since the listing was taken. */
  described: number;
  /** When the listing was asked for (its oldest row is no older). */
  at: number;
}

/** A listing that answers nothing: every look-up is described (also for a listing that failed, until it expires). */
const unknown = (at: number): Listing => ({ keys: new Set(), complete: false, pages: Infinity, described: 0, at });

const listings = new WeakMap<Pick<ClinkClient, "request">, Map<string, Promise<Listing>>>();

/**
 * One page: its rows' keys and its totalCount, or undefined when it cannot count (no wrapper
 * list, a key that is not text: a number would have lost an agent number's leading zeros,
 * "0000" in the doc 3.1.4 example, or no numeric totalCount).
 */
async function page(client: Pick<ClinkClient, "request">, list: ListEndpoint & { keyField: string }, offset: number) {
  const answer = await client.request("GET", list.path, { query: { offset, limit: PAGE } });
  const wrapper = (Array.isArray(list.key) ? list.key : [list.key]).find((k) => Array.isArray(answer[k]));
  const total = answer.totalCount;
  if (wrapper === undefined || typeof total !== "number") return undefined;
  const rows = answer[wrapper] as unknown[];
  const keys: string[] = [];
  for (const row of rows) {
    const v = row && typeof row === "object" ? (row as Record<string, unknown>)[list.keyField] : undefined;
    if (typeof v !== "string") return undefined;
    keys.push(v);
  }
  return { keys, total, rows: rows.length };
}

async function firstPage(client: Pick<ClinkClient, "request">, list: ListEndpoint & { keyField: string }, at: number) {
  const first = await page(client, list, 0);
  if (!first) return unknown(at);
  const keys = new Set(first.keys);
  // Only as many keys as totalCount says: the document's own example answers one row with a
  // totalCount of 51.
  const pages = first.total > MAX_LISTED ? Infinity : Math.ceil(first.total / PAGE);
  return { keys, complete: keys.size === first.total, total: first.total, pages, described: 0, at } satisfies Listing;
}

/**
 * Every page, or undefined unless every page answered the same totalCount and the distinct keys
 * number it: an object made or deleted while the pages were read shifts the rows between pages.
 */
async function wholeListing(
  client: Pick<ClinkClient, "request">,
  list: ListEndpoint & { keyField: string },
  total: number,
) {
  const keys = new Set<string>();
  for (let offset = 0; offset < total && offset < MAX_LISTED; offset += PAGE) {
    const next = await page(client, list, offset);
    if (!next || next.total !== total) return undefined;
    for (const k of next.keys) keys.add(k);
    if (next.rows < PAGE) break;
  }
  return keys.size === total ? keys : undefined;
}

/**
 * True when the kind's listing shows no object with this key: the look-up would find nothing,
 * and no describe is needed. False when it might exist (describe it): found in the listing, a
 * listing that does not hold every object, or one that could not be read (the describe then
 * reports what is wrong, as before; the failed listing is not asked again before it expires).
 */
export async function listedAbsent(
  client: Pick<ClinkClient, "request">,
  list: ListEndpoint | undefined,
  key: string,
  now: () => number = Date.now,
): Promise<boolean> {
  if (!list?.keyField) return false;
  const endpoint = { ...list, keyField: list.keyField };
  let byPath = listings.get(client);
  if (!byPath) listings.set(client, (byPath = new Map()));
  let pending = byPath.get(list.path);
  if (!pending || now() - (await pending).at > LISTING_TTL_MS) {
    // Checked again after the await: a look-up that ran meanwhile may have started a new listing.
    const current = byPath.get(list.path);
    if (current === pending) {
      const at = now();
      pending = firstPage(client, endpoint, at).catch(() => unknown(at));
      byPath.set(list.path, pending);
    } else pending = current!;
  }
  const listing = await pending;
  if (listing.keys.has(key)) return false;
  if (listing.complete) return true;
  if (++listing.described < listing.pages || listing.total === undefined) return false;
  // As many describes as the listing's pages: list it all once, and answer from it from now on.
  listing.pages = Infinity;
  const at = now();
  const keys = await wholeListing(client, endpoint, listing.total).catch(() => undefined);
  if (!keys) return false;
  listing.keys = keys;
  listing.complete = true;
  listing.at = at;
  return !keys.has(key);
}
