/**
 * What every generated resource class does when it is constructed (provider/resources/<kind>/resource.ts):
 * register itself as a dynamic resource of its kind with the serialized provider, the schema's
 * property bag and options, and the verdict of its program-side rules.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure, ResourceSchema } from "../schema/core";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

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

export abstract class ClinkResource extends pulumi.dynamic.Resource {
  protected constructor(
    definition: ResourceDefinition<never, never>,
    name: string,
    args: object,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const def = definition as unknown as ResourceDefinition<object, ClinkResource>;
    // `get` (opts.id) reads an object and manages nothing: no program-side rule applies to it.
    const who = opts?.id ? undefined : `clink.${def.schema.type} "${name}"`;
    super(
      serializableProvider(def.kind),
      name,
      resourceProps(
        def.schema,
        def.prepare ? def.prepare(args) : args,
        who === undefined ? undefined : def.verdict?.(who, args),
        who,
        opts,
      ),
      resourceOptions(def.schema, opts),
      "clink",
      def.schema.type,
    );
    def.registered?.(this, args);
  }
}
