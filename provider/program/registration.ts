/**
 * What a resource registers besides its type token: its `__provider` (the text the dynamic-provider
 * plugin loads), its property bag and its options.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure, ResourceSchema } from "../schema/core";
import { FINGERPRINTS } from "../schema/ops";
import { VERDICT_INPUT, PREVIEW_INPUT } from "../schema/wire";
import { plainSecretFailure } from "./config-rules";
import { claimServerObject, firstFailure } from "./one-object";

/**
 * The `__provider` each resource carries in state, inputs and outputs both. The Node
 * dynamic-provider plugin loads it with `require-from-string` and calls its `handler()` for the
 * provider object (@pulumi/pulumi cmd/dynamic-provider, `getProvider`); `dynamic.Resource` would
 * produce it with Pulumi's closure serializer. We write it ourselves, as one line that loads the
 * installed release by package name: `require` resolves from the plugin's working directory, the
 * program's (docs/design.md, The serialized provider).
 *
 * Why not the closure serializer: its text for our seven forwarding functions was 2.35 KB per
 * resource, stored twice (70% of the state), and it ran once per resource in the program (the SDK
 * caches by provider object, and each resource had its own). This text is under 100 bytes and
 * costs nothing to make. It holds no code of ours by value and no credentials.
 *
 * `provider(kind)` of `pulumi-clink/runtime` is a contract with every state file ever written,
 * this form and the older one (seven arrow functions calling `configure(req)` and
 * `provider(kind).<op>(...)`): provider/runtime.ts.
 */
export function providerText(kind: string): string {
  return `exports.handler = () => require("pulumi-clink/runtime").provider(${JSON.stringify(kind)});\n`;
}

/** The type token of a resource type: the one `dynamic.Resource` gives (`pulumi-nodejs:dynamic/clink:Queue`). */
export const typeToken = (type: string): string => `pulumi-nodejs:dynamic/clink:${type}`;

/**
 * The property bag a resource registers: `__provider`, every schema field (so each is an output
 * of the resource object even when not declared; an undefined one is not sent, so it costs the
 * state nothing), `adopted`, then the declared args. Secret fields become Pulumi secrets even
 * when declared as plain text: a password never sits in state in the clear. `verdict` is a
 * program-side refusal the provider's check reports (provider/plugin/check.ts).
 */
export function resourceProps(
  kind: string,
  schema: ResourceSchema,
  args: object,
  verdict?: pulumi.Input<Failure | undefined>,
  /** The resource as messages name it (`clink.Client "alice"`); absent for `get`, which manages nothing. */
  who?: string,
  opts?: pulumi.CustomResourceOptions,
): Record<string, unknown> {
  const props: Record<string, unknown> = { __provider: providerText(kind), adopted: undefined };
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
  if (combined !== undefined) declared[VERDICT_INPUT] = combined;
  // A preview's check looks a new object up (provider/plugin/check.ts, PREVIEW_INPUT).
  if (who && pulumi.runtime.isDryRun()) declared[PREVIEW_INPUT] = true;
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
