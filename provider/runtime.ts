/**
 * The stable entry point the serialized dynamic providers load by package name at run time:
 * `require("pulumi-clink/runtime")` (package.json "exports"). State written by any release
 * carries only that `require` and a resource kind, so `refresh`/`destroy` on another machine,
 * or after an upgrade, run today's implementation (docs/design.md, The serialized provider).
 *
 * Keep the names exported here stable across releases: old state calls them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureFromStack, type ConfigSource } from "./settings";

/** Resource kinds as recorded in state. Loading is lazy so one kind's module never slows another's. */
const registry: Record<string, () => dynamic.ResourceProvider> = {
  queue: () => require("./resources/queue").queueProvider,
  queueMember: () => require("./resources/queue-member").queueMemberProvider,
  client: () => require("./resources/client").clientProvider,
  exten: () => require("./resources/exten").extenProvider,
  clientPhone: () => require("./resources/client-phone").clientPhoneProvider,
  dynamicTelGroup: () => require("./resources/dynamic-tel-group").dynamicTelGroupProvider,
  pause: () => require("./resources/pause").pauseProvider,
  restrictTel: () => require("./resources/restrict-tel").restrictTelProvider,
  restrictTelSetting: () => require("./resources/restrict-tel-setting").restrictTelSettingProvider,
};

export function provider(kind: string): dynamic.ResourceProvider {
  const load = registry[kind];
  if (!load) {
    throw new Error(
      `pulumi-clink: this state refers to a resource kind '${kind}' that the installed pulumi-clink does not know; ` +
        `install the release that created it or a newer one.`,
    );
  }
  return load();
}

export async function configure(req: { config: ConfigSource }): Promise<void> {
  configureFromStack(req.config);
}

export const kinds = (): string[] => Object.keys(registry);
