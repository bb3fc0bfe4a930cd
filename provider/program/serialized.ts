/**
 * The object `dynamic.Resource` serializes into state as `__provider`. Pulumi's closure
 * serializer copies these arrow functions by value (their text plus the captured `kind`
 * string); `require` is never captured, so at run time each call resolves `pulumi-clink/runtime`
 * from the program's node_modules. The result is a few hundred bytes, holds no credentials, and
 * always runs the installed release (see provider/runtime.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Failure, ResourceSchema } from "../schema/core";
import { FINGERPRINTS } from "../schema/ops";
import { CONFLICT_INPUT } from "../generic/provider";
import { plainSecretFailure } from "./config-rules";
import { claimServerObject, firstFailure } from "./one-object";

type Kind = string;

export function serializableProvider(kind: Kind): dynamic.ResourceProvider {
  return {
    configure: (req) => require("pulumi-clink/runtime").configure(req),
    check: (olds, news) => require("pulumi-clink/runtime").provider(kind).check(olds, news),
    diff: (id, olds, news) => require("pulumi-clink/runtime").provider(kind).diff(id, olds, news),
    create: (inputs) => require("pulumi-clink/runtime").provider(kind).create(inputs),
    read: (id, props) => require("pulumi-clink/runtime").provider(kind).read(id, props),
    update: (id, olds, news) => require("pulumi-clink/runtime").provider(kind).update(id, olds, news),
    delete: (id, props) => require("pulumi-clink/runtime").provider(kind).delete(id, props),
  };
}

/**
 * The property bag handed to `dynamic.Resource`: every schema field (so each is an output of the
 * resource object even when not declared), the bookkeeping outputs, then the declared args.
 * Secret fields become Pulumi secrets even when declared as plain text: a password never sits in
 * state in the clear. `verdict` is a program-side refusal the provider's check reports (provider/generic/provider.ts).
 */
export function resourceProps(
  schema: ResourceSchema,
  args: object,
  verdict?: pulumi.Input<Failure | undefined>,
  /** The resource as messages name it (`clink.Client "alice"`); absent for `get`, which manages nothing. */
  who?: string,
  opts?: pulumi.CustomResourceOptions,
): Record<string, unknown> {
  const props: Record<string, unknown> = { adopted: undefined };
  for (const name of Object.keys(schema.fields)) props[name] = undefined;
  const declared: Record<string, unknown> = { ...props, ...args };
  for (const [name, field] of Object.entries(schema.fields))
    if (field.secret && declared[name] !== undefined) declared[name] = pulumi.secret(declared[name]);
  const combined = who
    ? firstFailure(
        importRefused(schema, who, opts),
        plainSecretFailure(),
        verdict,
        claimServerObject(schema, who, args as Record<string, unknown>),
      )
    : firstFailure(verdict);
  if (combined !== undefined) declared[CONFLICT_INPUT] = combined;
  return declared;
}

/**
 * The `import` resource option cannot work for dynamic resources (the engine's import reads
 * through the plugin before any serialized provider exists, and fails with a TypeError there).
 * The option is taken out (resourceOptions) and the resource refused at preview with the ways that work.
 */
function importRefused(schema: ResourceSchema, who: string, opts?: pulumi.CustomResourceOptions): Failure | undefined {
  if (opts?.import === undefined) return undefined;
  return {
    property: "import",
    reason:
      `${who}: the \`import\` resource option does not work with pulumi-clink's resources (they are Pulumi dynamic resources). ` +
      `To take over the existing ${schema.type.toLowerCase()}, drop \`import\` and set \`adopt: true\` on the resource; ` +
      `to read it without managing it, use clink.${schema.type}.get(name, id).`,
  };
}

/** Resource options every Clink resource gets: secret fields stay Pulumi secrets in outputs too. */
export function resourceOptions<T extends { additionalSecretOutputs?: string[]; import?: unknown }>(
  schema: ResourceSchema,
  opts?: T,
): T {
  const secrets = [
    ...Object.entries(schema.fields)
      .filter(([, f]) => f.secret)
      .map(([name]) => name),
    FINGERPRINTS,
  ];
  const { import: _refused, ...rest } = (opts ?? {}) as T;
  return { ...(rest as T), additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
}
