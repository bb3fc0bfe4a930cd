/**
 * Everything the exporter takes from the provider, in one place: the catalog of kinds (each
 * kind's schema, named codes, and how its folder reads and declares its objects), the schema
 * operations the provider's check and read run (checkFields, declaredFormOf, toConverge). The exporter
 * reads a center exactly as `read` does and declares it in the form `check` produces, so the first
 * `up` of an export compares equal and writes nothing. When the provider's files move, only this
 * module changes.
 */
export { ClinkClient, ClinkApiError, type ClinkClientOptions } from "../../provider/api";
export type { FieldSpec, ResourceSchema } from "../../provider/schema/core";
export { bitmaskName, descriptorOf, enumName, masks, neverReported } from "../../provider/schema/core";
export type { Descriptor } from "../../provider/schema/core";
export { asLists, deepEqual, declaredFormOf, checkFields, type Inputs } from "../../provider/schema/ops";
export { toConverge } from "../../provider/plugin/converge";
export { catalog } from "../../provider/resources/catalog";
export type {
  DeclareContext,
  Declared,
  ExportSpec,
  ReadContext,
  Row,
  Tally,
} from "../../provider/resources/kind-catalog";
