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
export { ClientPhone, type ClientPhoneArgs } from "./resources/client-phone";
export { DynamicTelGroup, type DynamicTelGroupArgs } from "./resources/dynamic-tel-group";
export { Pause, type PauseArgs } from "./resources/pause";
export {
  RestrictTel,
  type RestrictTelArgs,
  RestrictType,
  RestrictDirection,
  RestrictTelType,
} from "./resources/restrict-tel";
export {
  RestrictTelSetting,
  type RestrictTelSettingArgs,
  type RestrictMode,
  type RestrictScope,
  RestrictTelSettingValue,
} from "./resources/restrict-tel-setting";

import { queueProvider } from "./resources/queue";
import { queueMemberProvider } from "./resources/queue-member";
import { clientProvider } from "./resources/client";
import { extenProvider } from "./resources/exten";
import { clientPhoneProvider } from "./resources/client-phone";
import { dynamicTelGroupProvider } from "./resources/dynamic-tel-group";
import { pauseProvider } from "./resources/pause";
import { restrictTelProvider } from "./resources/restrict-tel";
import { restrictTelSettingProvider } from "./resources/restrict-tel-setting";

/** The dynamic providers, configured from the `CLINK_*` environment or `configureProvider(...)`. */
export const providers = {
  queue: queueProvider,
  queueMember: queueMemberProvider,
  client: clientProvider,
  exten: extenProvider,
  clientPhone: clientPhoneProvider,
  dynamicTelGroup: dynamicTelGroupProvider,
  pause: pauseProvider,
  restrictTel: restrictTelProvider,
  restrictTelSetting: restrictTelSettingProvider,
};
export * from "./functions";
