/**
 * Stack configuration the program can judge before any API call. `clink:accessKeySecret` set
 * without `--secret` is stored in clear in the stack's config, state and history (the engine
 * records the stack config as inputs of the dynamic-provider plugin): every resource of the
 * program is refused with the fix, so nothing is applied with a leaked secret.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../schema/core";

const SECRET_KEY = "clink:accessKeySecret";

export function plainSecretFailure(): Failure | undefined {
  // isConfigSecret is missing from older SDKs (the peer range starts at 3.230): typed optional.
  const runtime: { getConfig(k: string): string | undefined; isConfigSecret?: (k: string) => boolean } = pulumi.runtime;
  const value = runtime.getConfig(SECRET_KEY);
  if (value === undefined || value === "" || runtime.isConfigSecret === undefined) return undefined;
  if (runtime.isConfigSecret(SECRET_KEY)) return undefined;
  return {
    property: SECRET_KEY,
    reason:
      "clink:accessKeySecret is set as plain stack config, so it is stored in clear in the stack's config and state. " +
      "Set it as a secret: `pulumi config set --secret clink:accessKeySecret <secret>` (or use the CLINK_ACCESS_KEY_SECRET " +
      "environment variable); nothing was applied.",
  };
}
