/**
 * What every generated resource class does when it is constructed (provider/resources/<kind>/resource.ts):
 * register itself as a dynamic resource of its kind (the type token and `__provider` that
 * `dynamic.Resource` would give, provider/program/serialized.ts) with the schema's property bag
 * and options and the verdict of its program-side rules; then fill in the documented defaults of
 * its outputs.
 *
 * The classes extend `pulumi.CustomResource` directly, with no base class of ours in between: the
 * SDK records the stack of every registration in state and takes the fifth frame as the
 * resource's source position (`Resource.stackTrace(4)` in @pulumi/pulumi resource.ts), which is
 * the user's `new` line only when the class is one level below CustomResource. Every frame of ours
 * would cost each resource about 100 bytes of state and point its position into this package.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure, ResourceSchema } from "../schema/core";
import { documentedDefaults } from "../schema/ops";
import { resourceOptions, resourceProps, typeToken } from "./serialized";

/** A resource's kind and schema, and the program-side rules of its program.ts. */
export interface ResourceDefinition<A, R> {
  /** The wire name state records (provider/resources/registry.ts). */
  kind: string;
  schema: ResourceSchema;
  /** The field args registered, from the args given (inherited options, a typed form). */
  prepare?: (args: A) => object;
  /** A program-side refusal, reported by the provider's check before any API call. */
  verdict?: (who: string, args: A) => pulumi.Input<Failure | undefined> | undefined;
  /** Called once registered, to remember outputs other resources' rules look up. */
  registered?: (resource: R, args: A) => void;
}

/** The arguments of the class's `super(...)` call: type token, property bag and options. */
export function registerArgs(
  definition: ResourceDefinition<never, never>,
  name: string,
  args: object,
  opts?: pulumi.CustomResourceOptions,
): { type: string; props: pulumi.Inputs; opts: pulumi.CustomResourceOptions } {
  const def = definition as unknown as ResourceDefinition<object, pulumi.CustomResource>;
  // `get` (opts.id) reads an object and manages nothing: no program-side rule applies to it.
  const who = opts?.id ? undefined : `clink.${def.schema.type} "${name}"`;
  return {
    type: typeToken(def.schema.type),
    props: resourceProps(
      def.kind,
      def.schema,
      def.prepare ? def.prepare(args) : args,
      who === undefined ? undefined : def.verdict?.(who, args),
      who,
      opts,
    ),
    opts: resourceOptions(def.schema, opts),
  };
}

/**
 * After `super(...)`: the outputs of fields left at their documented default show that default.
 * State does not store a default nobody declared (provider/generic/provider.ts, outputs), so the
 * engine answers without it; the output types promise it (`Output<number>`), and here it is. A
 * field the declaration leaves out is its default once the deployment is done (create sends it,
 * update restates it, drift from it is undone), so it is known in a preview too: the SDK resolves
 * an output the engine left out as unknown in a preview, and a program building on it would see
 * changes that are not there. It stays an output of the resource (through its URN, known in a
 * preview), so what depends on it depends on the resource. A resource read with `get` (opts.id)
 * shows the server's values, with the default only where the answer left a field out.
 */
export function completeRegistration<R extends pulumi.CustomResource>(
  resource: R,
  definition: ResourceDefinition<never, never>,
  args: object,
  /** What the class registered (registerArgs): the property bag holds every field, declared or not. */
  registered: { props: pulumi.Inputs; opts: pulumi.CustomResourceOptions },
): void {
  const def = definition as unknown as ResourceDefinition<object, R>;
  const outputs = resource as unknown as Record<string, pulumi.Output<unknown>>;
  for (const [name, value] of Object.entries(documentedDefaults(def.schema))) {
    if (!pulumi.Output.isInstance(outputs[name])) continue;
    outputs[name] =
      registered.opts.id === undefined && registered.props[name] === undefined
        ? resource.urn.apply(() => value)
        : outputs[name].apply((v) => v ?? value);
  }
  def.registered?.(resource, args);
}

export { cutRecordedStack } from "./recorded-stack";
