/**
 * What the review knows of each kind beyond its fields: the catalog's review part (nouns, what a
 * delete or replacement does on the server, membership sentences, warnings), written in each
 * resource folder's catalog.ts (provider/resources/kind-catalog.ts).
 */
import { catalog } from "../../provider/resources/catalog";
import type { ReviewSpec } from "../../provider/resources/kind-catalog";

export type {
  MembershipChange,
  ReviewContext,
  StateReaders,
  WarningGroup,
  WarningSink,
} from "../../provider/resources/kind-catalog";

const byType = new Map(catalog.map((k) => [k.type, k]));

/** A kind's review part; empty for a kind whose folder says nothing (or not a kind of ours). */
export const reviewOf = (kind: string): Partial<ReviewSpec> => byType.get(kind)?.review ?? {};

/** The kind's noun, as its schema names one object ("agent"). */
export const nounOf = (kind: string): string | undefined => byType.get(kind)?.schema.noun;

/** The kinds with a place in the summary, in its order. */
export const reviewOrder = (): string[] =>
  catalog
    .filter((k) => k.review)
    .sort((a, b) => a.review!.order - b.review!.order)
    .map((k) => k.type);

/** Every kind's review part that has `property`. */
export const kindsWith = <P extends keyof ReviewSpec>(property: P): Array<[string, NonNullable<ReviewSpec[P]>]> =>
  catalog.flatMap((k) => (k.review?.[property] !== undefined ? [[k.type, k.review[property]!]] : []));
