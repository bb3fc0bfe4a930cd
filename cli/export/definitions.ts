/**
 * Everything the exporter takes from the provider, in one place: the resource schemas (fields,
 * defaults, lifecycles, read names, fromApi/mergeApi, asList, idFields, the named codes), the
 * schema operations the provider's check and read run (checkFields, declaredFormOf, toConverge), and the
 * per-kind read functions the providers themselves call. The exporter reads a center exactly as
 * `read` does and declares it in the form `check` produces, so the first `up` of an export
 * compares equal and writes nothing. When the provider's files move, only this module changes.
 */
export { ClinkClient, ClinkApiError, type ClinkClientOptions } from "../../provider/api";
export type { FieldSpec, ResourceSchema } from "../../provider/schema/core";
export { bitmaskName, enumName, masks, neverReported } from "../../provider/schema/core";
export { asLists, deepEqual, declaredFormOf, checkFields, type Inputs } from "../../provider/schema/ops";
export { toConverge } from "../../provider/plugin/converge";
export {
  clientSchema,
  ClientRole,
  ClientType,
  ClidType,
  ClidRule,
  AssignType,
  IbWrapupType,
  RecordDownload,
} from "../../provider/resources/client/schema";
export {
  queueSchema,
  QueueStrategy,
  JoinEmptyState,
  ChatStrategy,
  MaxPauseClientType,
} from "../../provider/resources/queue/schema";
export { extenSchema, ExtenType, ExtenCodec } from "../../provider/resources/exten/schema";
export { clientPhoneSchema } from "../../provider/resources/client-phone/schema";
export { dynamicTelGroupSchema } from "../../provider/resources/dynamic-tel-group/schema";
export { pauseSchema } from "../../provider/resources/pause/schema";
export {
  restrictTelSchema,
  RestrictType,
  RestrictDirection,
  RestrictTelType,
} from "../../provider/resources/restrict-tel/schema";
export {
  restrictTelSettingSchema,
  RestrictTelSettingValue,
} from "../../provider/resources/restrict-tel-setting/schema";
/** The per-kind reads the providers run for `read`/refresh (describe_client + list_other_setting, ...). */
export { describeClient } from "../../provider/resources/client/endpoints";
export { describeQueue } from "../../provider/resources/queue/endpoints";
export { allPauses } from "../../provider/resources/pause/endpoints";
export { allGroups } from "../../provider/resources/dynamic-tel-group/endpoints";
export { mergeEntries } from "../../provider/resources/restrict-tel/endpoints";
export { describeSetting } from "../../provider/resources/restrict-tel-setting/endpoints";
