/**
 * pulumi-clink: the public surface.
 *
 * - Resources: `Queue`, ... (each a Pulumi dynamic resource with its own type token).
 * - `providers`: the dynamic ResourceProviders themselves, for advanced use and users' own tests.
 * - `ClinkClient`, `ClinkApiError`: the signed, paced Clink API client (provider/api).
 */
export * from "./api";
export { configureProvider, type ProviderSettings } from "./settings";
export {
  Queue,
  type QueueArgs,
  QueueStrategy,
  JoinEmptyState,
  ChatStrategy,
  MaxPauseClientType,
} from "./resources/queue";

export { QueueMember, type QueueMemberArgs } from "./resources/queue-member";
export {
  Client,
  type ClientArgs,
  type PermissionArgs,
  type ClidAreaArgs,
  ClientRole,
  ClientType,
  ClidType,
  ClidRule,
  AssignType,
  IbWrapupType,
} from "./resources/client";
export { Exten, type ExtenArgs, ExtenType, ExtenCodec } from "./resources/exten";

import { queueProvider } from "./resources/queue";
import { queueMemberProvider } from "./resources/queue-member";
import { clientProvider } from "./resources/client";
import { extenProvider } from "./resources/exten";

/** The dynamic providers, configured from the `CLINK_*` environment or `configureProvider(...)`. */
export const providers = {
  queue: queueProvider,
  queueMember: queueMemberProvider,
  client: clientProvider,
  exten: extenProvider,
};
