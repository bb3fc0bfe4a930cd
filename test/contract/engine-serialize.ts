/**
 * What the dynamic-provider server does with every value a provider returns: protobuf
 * `Struct.fromJavaScript`, which throws "Unexpected struct type." on `undefined` at any depth.
 * Loaded through @pulumi/pulumi's own dependency so it is the engine's copy.
 */
import { createRequire } from "node:module";

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(v: Record<string, unknown>): { toJavaScript(): Record<string, unknown> } };
};

/** Serializes as the engine's gRPC layer does and returns what the engine would see. */
export function throughEngine(value: Record<string, unknown>): Record<string, unknown> {
  return Struct.fromJavaScript(value).toJavaScript();
}
