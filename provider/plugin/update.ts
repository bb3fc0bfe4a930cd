/** diff (exact, from normalized inputs) and update (one call, only what changed). */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { compare, idOf, payload, type Inputs } from "../schema/ops";
import { CLAIM } from "../schema/wire";
import { FINGERPRINTS } from "../schema/ops";
import { withRequiredOnUpdate } from "./converge";
import { replacingThisDeployment } from "./deployment";
import { call, connect, explain } from "./errors";
import { outputs } from "./outputs";
import type { ProviderSpec } from "./spec";

export function diff(def: ProviderSpec, olds: Inputs, news: Inputs): dynamic.DiffResult {
  const { schema } = def;
  // Only declared fields are compared (compare skips what `news` leaves out): an undeclared
  // field is not managed, whatever the server or the state holds for it.
  const { changed, replaces } = compare(schema, olds, news);
  const keyKept = !schema.idFields.some((f) => changed.includes(f));
  if (replaces.length > 0 && keyKept) replacingThisDeployment.add(`${schema.type}:${idOf(schema, news)}`);
  const uniqueKept = Object.entries(schema.fields).some(
    ([name, f]) => f.serverUnique && news[name] !== undefined && !changed.includes(name),
  );
  return {
    changes: changed.length > 0,
    replaces,
    // The natural key, or a value the server holds once (a bound phone), survives the
    // replacement: the new object cannot exist beside the old one.
    deleteBeforeReplace: replaces.length > 0 && (keyKept || uniqueKept),
  };
}

export async function update(def: ProviderSpec, id: string, olds: Inputs, news: Inputs): Promise<dynamic.UpdateResult> {
  const { schema, api } = def;
  const label = `${schema.type} ${id}`;
  const client = connect();
  const { changed } = compare(schema, olds, news);
  let remote: Inputs | undefined;
  try {
    // Only what changed is sent: the last declaration (or the server, after a refresh) holds
    // every other declared field already, and an undeclared one is not managed. The document
    // leaves open whether an omitted update value resets (doc 3.1.2 update_client lists no
    // defaults; 3.2.2 update_queue does); we read it as "kept", the vendor SDK's reading (it
    // sends only the keys set), docs/design.md "Undeclared fields". A field the endpoint
    // requires carries the server's value, read just before the write.
    const values = await withRequiredOnUpdate(schema, news, undefined, () =>
      call(label, "read before update", () => api.read(client, id, news)),
    );
    remote = await api.update(client, id, payload(schema, "update", values, changed), news, changed);
  } catch (err) {
    throw explain(label, "update", err, api.hints);
  }
  return {
    outs: outputs(schema, news, remote, {
      adopted: olds.adopted as boolean | undefined,
      claim: olds[CLAIM],
      prints: olds[FINGERPRINTS],
      previous: olds,
    }),
  };
}
