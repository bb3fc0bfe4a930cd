/**
 * The mechanics every resource provider shares, one module per operation: check (validate +
 * checkFields from the schema, ./check.ts), diff and update (./update.ts), create with adoption and
 * ambiguous-outcome recovery (./create.ts), read for refresh and `get` (./read.ts), delete with
 * refusals explained (./delete.ts); their errors in ./errors.ts.
 *
 * A resource supplies only its schema and the few API calls that differ per endpoint (./spec.ts).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { changeTag, isSealed } from "../api/sealed";
import { containsUnknown } from "../schema/core";
import { idOf, withoutUndefined, WRITE_ONLY_TAGS, type Inputs } from "../schema/ops";
import { check } from "./check";
import { create } from "./create";
import { remove } from "./delete";
import { connect, SealedElsewhereError } from "./errors";
import { read } from "./read";
import { withoutSecretValues } from "./secret-failures";
import type { ProviderSpec } from "./spec";
import { diff, update } from "./update";

export type { ResourceApi, ProviderSpec } from "./spec";

/**
 * The provider of one resource. Every value it hands the engine (check inputs, create and update
 * outputs, read props and inputs, partial state) goes through `withoutUndefined`.
 */
export function makeProvider(def: ProviderSpec): dynamic.ResourceProvider {
  const inner = makeRawProvider(def);
  const writeOnly = Object.entries(def.schema.fields)
    .filter(([, f]) => f.writeOnly)
    .map(([n]) => n);
  /** Seals (check) or opens (create, update, diff) the write-only values: see provider/api/sealed.ts. */
  const convert = (values: Inputs, how: "seal" | "unseal"): Inputs => {
    const present = writeOnly.filter((n) => typeof values[n] === "string" && !containsUnknown(values[n]));
    if (present.length === 0) return values;
    const client = connect();
    const out: Inputs = { ...values };
    for (const n of present) {
      const v = how === "seal" ? client.seal(out[n] as string) : client.unseal(out[n] as string);
      if (v === undefined)
        throw new SealedElsewhereError(
          `${def.schema.type}: '${n}' was sealed under another access key secret; run the deployment again (its preview seals it anew).`,
        );
      out[n] = v;
    }
    return out;
  };
  return {
    async check(olds: Inputs, news: Inputs) {
      const r = await inner.check!(olds, convert(news, "unseal"));
      const inputs = convert(withoutUndefined(r.inputs ?? {}), "seal");
      const tags = Object.fromEntries(
        writeOnly
          .filter((n) => isSealed(inputs[n]))
          .map((n) => [n, changeTag(inputs[n] as string, `${def.schema.type}:${idOf(def.schema, inputs)}:${n}`)]),
      );
      if (Object.keys(tags).length > 0) inputs[WRITE_ONLY_TAGS] = tags;
      return { inputs, failures: r.failures && withoutSecretValues(def.schema, r.failures, news) };
    },
    diff: (id: string, olds: Inputs, news: Inputs) => inner.diff!(id, convert(olds, "unseal"), convert(news, "unseal")),
    async create(sealed: Inputs) {
      const inputs = convert(sealed, "unseal");
      try {
        const r = await inner.create(inputs);
        return { id: r.id, outs: withoutUndefined(r.outs) };
      } catch (err) {
        const partial = err as { properties?: unknown };
        if (partial && typeof partial === "object" && partial.properties !== undefined)
          partial.properties = withoutUndefined(partial.properties);
        throw err;
      }
    },
    async read(id: string, props: Inputs) {
      const r = await inner.read!(id, props);
      return {
        ...r,
        ...(r.props !== undefined ? { props: withoutUndefined(r.props) } : {}),
        ...(r.inputs !== undefined ? { inputs: withoutUndefined(r.inputs) } : {}),
      };
    },
    async update(id: string, olds: Inputs, news: Inputs) {
      const r = await inner.update!(id, convert(olds, "unseal"), convert(news, "unseal"));
      return { ...r, ...(r.outs !== undefined ? { outs: withoutUndefined(r.outs) } : {}) };
    },
    delete: (id: string, props: Inputs) => inner.delete!(id, props),
  };
}

/** The operations on the values as the engine holds them, sealed values opened. */
function makeRawProvider(def: ProviderSpec): dynamic.ResourceProvider {
  return {
    check: (olds: Inputs, news: Inputs) => check(def, olds, news),
    diff: async (_id: string, olds: Inputs, news: Inputs) => diff(def, olds, news),
    create: (checked: Inputs) => create(def, checked),
    read: (id: string, props: Inputs) => read(def, id, props),
    update: (id: string, olds: Inputs, news: Inputs) => update(def, id, olds, news),
    delete: (id: string, props: Inputs) => remove(def, id, props),
  };
}
