/**
 * The kinds the exporter knows, as the command line names them: every kind of the generated
 * catalog (provider/resources/catalog.ts) whose folder says how to export it, ordered so that a
 * kind comes after the kinds it refers to (index.ts imports them in this order; the references
 * themselves are what orders the engine).
 */
import { catalog, type ExportSpec, type ResourceSchema } from "./definitions";

/** A kind's wire name: "clientPhone". */
export type Kind = string;

export interface KindInfo extends ExportSpec {
  kind: Kind;
  schema: ResourceSchema;
}

export const KINDS: readonly KindInfo[] = catalog
  .flatMap((k) => (k.export ? [{ ...k.export, kind: k.kind, schema: k.schema }] : []))
  .sort((a, b) => a.order - b.order);

export const KIND_NAMES: readonly Kind[] = KINDS.map((k) => k.kind);

export const kindInfo = (kind: Kind): KindInfo => {
  const info = KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`pulumi-clink export: no kind ${kind}`);
  return info;
};

/** Which kinds a kind's declarations refer to (a queue's members are agents). */
export const REFERS_TO: Record<Kind, readonly Kind[]> = Object.fromEntries(KINDS.map((k) => [k.kind, k.refersTo]));
