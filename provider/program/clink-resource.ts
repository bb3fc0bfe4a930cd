/**
 * What every generated resource class does when it is constructed (provider/resources/<kind>/resource.ts):
 * register itself as a dynamic resource of its kind (the type token and `__provider` that
 * `dynamic.Resource` would give, provider/program/registration.ts) with the schema's property bag
 * and options and the verdict of its program-side rules.
 *
 * The classes extend `pulumi.CustomResource` directly, with no base class of ours in between: the
 * SDK records the stack of every registration in state and takes the fifth frame as the
 * resource's source position (`Resource.stackTrace(4)` in @pulumi/pulumi resource.ts), which is
 * the user's `new` line only when the class is one level below CustomResource. Every frame of ours
 * would cost each resource about 100 bytes of state and point its position into this package.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure, ResourceSchema } from "../schema/core";
import { resourceOptions, resourceProps, typeToken } from "./registration";

/** A resource's kind and schema, and the program-side rules of its program.ts. */
export interface ClassSpec<A, R> {
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
export function registerArgs<A extends object, R extends pulumi.CustomResource>(
  def: ClassSpec<A, R>,
  name: string,
  args: A,
  opts?: pulumi.CustomResourceOptions,
): { type: string; props: pulumi.Inputs; opts: pulumi.CustomResourceOptions } {
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
 * After `super(...)`: remember what other resources' rules look up. An undeclared field's output
 * is what the server holds (the provider's outputs, from create's or read's answer), never a
 * documented default filled in here: an undeclared field is not managed (issue 23), so its
 * default is a promise nothing keeps (an adopted or exported object holds its own value).
 */
export function completeRegistration<A extends object, R extends pulumi.CustomResource>(
  resource: R,
  def: ClassSpec<A, R>,
  args: A,
  /** What the class registered (registerArgs); kept for the generated classes' call. */
  _registered: { props: pulumi.Inputs; opts: pulumi.CustomResourceOptions },
): void {
  def.registered?.(resource, args);
}

export { cutRecordedStack } from "./recorded-stack";
