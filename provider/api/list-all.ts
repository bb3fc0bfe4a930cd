/** Every object of a list endpoint, page by page (doc 2.2). */
import type { ClinkClient } from "./client";
import { ClinkApiError, configError } from "./errors";

/**
 * Every object of a list endpoint (doc 2.2 paging; offset at most 10000 per e.g. doc 3.1.4 list_clients, `offset`).
 * `key` is the answer's wrapper (e.g. "clients"), or several where the document's table and its
 * example name it differently (list_restrict_tel: `list` and `restrictTels`); `limit` at most 100.
 */
export async function listAll<T = Record<string, unknown>>(
  client: Pick<ClinkClient, "request">,
  path: string,
  key: string | string[],
  query: Record<string, unknown> = {},
  limit = 100,
): Promise<T[]> {
  if (!(limit >= 1 && limit <= 100)) throw configError(`limit must be 1..100 (got ${limit}).`);
  const out: T[] = [];
  for (let offset = 0; ; offset += limit) {
    if (offset > 10000)
      throw new ClinkApiError({
        code: "ClientError",
        method: "GET",
        path,
        message: `${path} holds more than ${out.length} objects, past the documented offset cap of 10000; narrow the listing with a filter.`,
      });
    const page = await client.request("GET", path, { query: { ...query, offset, limit } });
    const keys = Array.isArray(key) ? key : [key];
    const found = keys.find((k) => page[k] !== undefined && page[k] !== null);
    const items = found === undefined ? undefined : page[found];
    if (items !== undefined && !Array.isArray(items))
      throw new ClinkApiError({
        code: "BadResponse",
        method: "GET",
        path,
        message: `${path}: "${found}" is not a list.`,
      });
    const list = (items ?? []) as T[];
    out.push(...list);
    const total = typeof page.totalCount === "number" ? page.totalCount : undefined;
    if (list.length < limit || (total !== undefined && out.length >= total)) return out;
  }
}
