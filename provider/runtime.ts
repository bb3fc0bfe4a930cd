/**
 * The stable entry point the serialized dynamic providers load by package name at run time:
 * `require("pulumi-clink/runtime")` (package.json "exports"). State written by any release
 * carries only that `require` and a resource kind, so `refresh`/`destroy` on another machine,
 * or after an upgrade, run today's implementation (docs/design.md, The serialized provider).
 *
 * Keep the names exported here stable across releases: old state calls them. State from 0.1.0
 * calls `configure(req)` and `provider(kind).<op>(...)` per operation; newer state hands the
 * plugin `provider(kind)` itself (provider/program/registration.ts), so it carries `configure` too.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureFromStack, type ConfigSource } from "./settings";
import { registry } from "./resources/registry";
import { haltRequests } from "./api/halt";
import { isDynamicProviderPlugin, stdinPipe, watchEngine } from "./plugin/engine-watch";

// In the plugin, a gone engine stops every request at once and ends the process (plugin/engine-watch.ts):
// nothing could record what a later request changes.
if (isDynamicProviderPlugin()) {
  watchEngine({
    address: process.argv[2],
    input: stdinPipe(),
    parent: () => process.ppid,
    gone: (why) => {
      haltRequests(`the Pulumi engine that started this provider is gone (${why})`);
      setTimeout(() => process.exit(1), 50).unref();
    },
  });
}

const loaded = new Map<string, dynamic.ResourceProvider>();

export function provider(kind: string): dynamic.ResourceProvider {
  const load = registry[kind];
  if (!load) {
    throw new Error(
      `pulumi-clink: this state refers to a resource kind '${kind}' that the installed pulumi-clink does not know; ` +
        `install the release that created it or a newer one.`,
    );
  }
  let p = loaded.get(kind);
  if (!p) {
    p = { ...load(), configure };
    loaded.set(kind, p);
  }
  return p;
}

export async function configure(req: { config: ConfigSource }): Promise<void> {
  configureFromStack(req.config);
}

export const kinds = (): string[] => Object.keys(registry);
