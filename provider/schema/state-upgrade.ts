/**
 * State written by older releases, read in today's form: the one place that knows what 0.1.0
 * and 0.2.0 wrote. Everything else reads state through these functions and has no branch per
 * release. State written by the current release (and 0.1.0) keeps working (docs/design.md,
 * "State written by older releases"); a branch goes only when no supported release writes its
 * form any more. The runtime entry's exported names (`provider`, `configure`: provider/runtime.ts)
 * are the other half of that contract: old state calls them.
 *
 * What changed, release by release:
 * - 0.1.0 fingerprints: 128 bits of salt and the whole HMAC, hex; today 64 bits and 128, base64url.
 * - 0.1.0 state holds write-only values (passwords) themselves where today's holds fingerprints.
 * - 0.1.0 holds keyed sets (queue members) as lists.
 * - 0.1.0 keeps no list of the declared fields (`__declared`): every field the server reported
 *   counts as declared.
 * - 0.1.0 and 0.2.0 before its fix keep no declared keys of a partly declared object
 *   (`__declaredKeys`, an agent's permission): the whole object counts as declared.
 */
import { createHmac } from "node:crypto";
import type { FieldSpec, ResourceSchema } from "./core";
import { DECLARED, DECLARED_KEYS, FINGERPRINTS } from "./wire";

type Inputs = Record<string, unknown>;

/**
 * The fingerprint of `value` in the 0.1.0 form under the salt of `print`, when `print` is in that
 * form (a 64-digit hex MAC); undefined for today's form.
 */
export function oldFormFingerprint(print: string, value: unknown): string | undefined {
  const [salt, mac] = print.split(":");
  if (salt === undefined || mac === undefined || !/^[0-9a-f]{64}$/.test(mac)) return undefined;
  return `${salt}:${createHmac("sha256", salt).update(JSON.stringify(value)).digest("hex")}`;
}

/**
 * A previous value in today's form: state written before keyed sets (0.1.0) holds sets as lists,
 * which must compare equal to the same set in keyed form.
 */
export function canonical(field: FieldSpec, value: unknown): unknown {
  if (!field.asList || !Array.isArray(value)) return value;
  const parsed = field.schema.safeParse(value);
  return parsed.success ? parsed.data : value;
}

/**
 * The write-only fields' fingerprints a resource's state holds. State written before fingerprints
 * (0.1.0) holds the values themselves: `fingerprintsOf` (provider/schema/ops.ts) makes theirs,
 * and from the first refresh on state holds those instead.
 */
export function fingerprintsInState(
  props: Inputs,
  fingerprintsOf: (values: Inputs) => Record<string, string>,
): unknown {
  return props[FINGERPRINTS] ?? fingerprintsOf(props);
}

/** What the last declaration held, as `read` needs it. */
export interface LastDeclaration {
  /** The declared fields (0.1.0 state, without the list: every field but the computed ones). */
  fields: Set<string>;
  /** False for state that kept no list (0.1.0): every declared field then counts as changed on the server. */
  recorded: boolean;
  /** Per partly declared object, the keys declared; undefined when state kept none. */
  keys?: Record<string, unknown>;
}

export function lastDeclaration(schema: ResourceSchema, props: Inputs): LastDeclaration {
  const list = props[DECLARED];
  const recorded = Array.isArray(list);
  const fields = recorded
    ? new Set(list as string[])
    : new Set(
        Object.entries(schema.fields)
          .filter(([, f]) => f.lifecycle !== "computed")
          .map(([n]) => n),
      );
  const keys = props[DECLARED_KEYS];
  return {
    fields,
    recorded,
    keys: keys && typeof keys === "object" && !Array.isArray(keys) ? (keys as Record<string, unknown>) : undefined,
  };
}

/**
 * A partly declared object as `read` returns it for inputs: only the keys the last declaration
 * held (`recorded`), so a key nobody declared is neither managed nor shown as removed (issue 23).
 * Without a record (state before 0.2.0's fix), the whole object.
 */
export function onlyDeclaredKeys(field: FieldSpec, value: unknown, recorded: unknown): unknown {
  if (!field.partialKeys || !isPlainObject(value) || !Array.isArray(recorded)) return value;
  return Object.fromEntries(Object.entries(value as Inputs).filter(([k]) => recorded.includes(k)));
}

const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);
