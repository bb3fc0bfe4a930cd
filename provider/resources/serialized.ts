/**
 * The object `dynamic.Resource` serializes into state as `__provider`. Pulumi's closure
 * serializer copies these arrow functions by value (their text plus the captured `kind`
 * string); `require` is never captured, so at run time each call resolves `pulumi-clink/runtime`
 * from the program's node_modules. The result is a few hundred bytes, holds no credentials, and
 * always runs the installed release (see provider/runtime.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Failure, ResourceSchema } from "../../schema/core";
import { CONFLICT_INPUT } from "./kit";

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
 * state in the clear. `verdict` is a program-side refusal the provider's check reports (kit.ts).
 */
export function resourceProps(
  schema: ResourceSchema,
  args: object,
  verdict?: pulumi.Input<Failure | undefined>,
): Record<string, unknown> {
  const props: Record<string, unknown> = { adopted: undefined };
  for (const name of Object.keys(schema.fields)) props[name] = undefined;
  const declared: Record<string, unknown> = { ...props, ...args };
  for (const [name, field] of Object.entries(schema.fields))
    if (field.secret && declared[name] !== undefined) declared[name] = pulumi.secret(declared[name]);
  if (verdict !== undefined) declared[CONFLICT_INPUT] = verdict;
  return declared;
}

/** Resource options every Clink resource gets: secret fields stay Pulumi secrets in outputs too. */
export function resourceOptions<T extends { additionalSecretOutputs?: string[] }>(schema: ResourceSchema, opts?: T): T {
  const secrets = Object.entries(schema.fields)
    .filter(([, f]) => f.secret)
    .map(([name]) => name);
  return { ...(opts as T), additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
}
