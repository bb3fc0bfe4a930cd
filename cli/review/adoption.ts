/**
 * An adopting create (`adopt: true`, or clink:adoptExisting) takes over an object that exists:
 * the provider's preview check records what the adoption changes on it under `__adoption` in the
 * checked inputs (provider/plugin/check.ts, ADOPTION_INPUT), `{ field: { from, to } }`, empty
 * when it changes nothing. The review shows those changes, old → new, instead of the declaration
 * of a new object. A log written by an `up` (no preview check) has none: the create reads as added.
 */
import { ADOPTION_INPUT } from "../../provider/schema/wire";
import type { FieldChange } from "./model";
import type { ResourceState } from "./events";
import { isRecord, type Props } from "./values";

/** What the adoption changes, when the step is an adopting create the preview looked up. */
export function adoptionOf(
  state: ResourceState | undefined,
): Record<string, { from: unknown; to: unknown }> | undefined {
  const a = (state?.inputs as Props | undefined)?.[ADOPTION_INPUT];
  if (!isRecord(a)) return undefined;
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, c] of Object.entries(a)) if (isRecord(c)) out[field] = { from: c.from, to: c.to };
  return out;
}

/** The adoption's changes as field changes (an object field key by key). */
export function adoptionChanges(adoption: Record<string, { from: unknown; to: unknown }>): FieldChange[] {
  const changes: FieldChange[] = [];
  const byField = Object.entries(adoption).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [field, { from, to }] of byField) {
    if (to === "(secret)") changes.push({ type: "secret", field });
    else if (isRecord(from) && isRecord(to))
      for (const key of Object.keys(to).sort())
        changes.push({ type: "value", field, key, before: from[key] ?? "(not answered)", after: to[key] });
    else changes.push({ type: "value", field, before: from, after: to });
  }
  return changes;
}
