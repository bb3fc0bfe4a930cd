/**
 * Everything the exporter takes from the provider, in one place: the resource schemas (fields,
 * defaults, lifecycles, read names, fromApi/mergeApi, asList, idFields, the named codes), the
 * schema operations the provider's check and read run (normalize, fromRemote, toConverge), and the
 * per-kind read functions the providers themselves call. The exporter reads a center exactly as
 * `read` does and declares it in the form `check` produces, so the first `up` of an export
 * compares equal and writes nothing. When the provider's files move, only this module changes.
 */
export { ClinkClient, ClinkApiError, type ClinkClientOptions } from "../../provider/api";
export type { FieldSpec, ResourceSchema } from "../../schema/core";
export { bitmaskName, enumName, masks } from "../../schema/core";
export { asLists, deepEqual, fromRemote, normalize, type Inputs } from "../../schema/ops";
export { toConverge } from "../../provider/resources/kit";
export {
  clientSchema,
  ClientRole,
  ClientType,
  ClidType,
  ClidRule,
  AssignType,
  IbWrapupType,
} from "../../schema/client";
export { queueSchema, QueueStrategy, JoinEmptyState, ChatStrategy, MaxPauseClientType } from "../../schema/queue";
export { extenSchema, ExtenType, ExtenCodec } from "../../schema/exten";
export { clientPhoneSchema } from "../../schema/client-phone";
export { dynamicTelGroupSchema } from "../../schema/dynamic-tel-group";
export { pauseSchema } from "../../schema/pause";
export { restrictTelSchema, RestrictType, RestrictDirection, RestrictTelType } from "../../schema/restrict-tel";
export { restrictTelSettingSchema, RestrictTelSettingValue } from "../../schema/restrict-tel-setting";
/** The per-kind reads the providers run for `read`/refresh (describe_client + list_other_setting, ...). */
export { describeClient } from "../../provider/resources/client";
export { describeQueue } from "../../provider/resources/queue-batch";
export { allPauses } from "../../provider/resources/pause";
export { allGroups } from "../../provider/resources/dynamic-tel-group";
export { mergeEntries } from "../../provider/resources/restrict-tel";
export { describeSetting } from "../../provider/resources/restrict-tel-setting";
