/**
 * What an object found on the server (adopted, or made by a create whose answer was lost) needs
 * written to match the declaration, and how the preview shows it.
 */
import { fieldSpec, neverReported, type FieldSpec, type ResourceSchema } from "../schema/core";
import { compare, declaredFormOf, type Inputs } from "../schema/ops";

/**
 * What an adopted (or recovered) object needs changed to match the declaration: the declared
 * fields whose server value differs, and nothing else, so an adoption that matches makes no write
 * call and an undeclared field keeps what the server holds. A declared field the server does not
 * answer (never, such as an agent's assignType, doc 3.1.5; or not this time) is sent: its server
 * value cannot be known. So is a declared write-only one (a password): the object keeps its own
 * only when none is declared.
 */
export function toConverge(schema: ResourceSchema, remote: Inputs, inputs: Inputs): string[] {
  const seen = declaredFormOf(schema, remote, {});
  return compare(schema, seen, inputs).changed.filter((name) => {
    const lifecycle = fieldSpec(schema, name).lifecycle;
    return lifecycle === "updatable" || lifecycle === "updateOnly";
  });
}

/** What an adoption changes on the object found, for the preview (ADOPTION_INPUT). */
export function adoptionChanges(
  schema: ResourceSchema,
  remote: Inputs,
  inputs: Inputs,
): Record<string, { from: unknown; to: unknown }> {
  const seen = declaredFormOf(schema, remote, {});
  const shown = (field: FieldSpec, value: unknown) => {
    if (field.secret || field.writeOnly) return "(secret)";
    return field.asList && value !== undefined ? field.asList(value) : value;
  };
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const name of [...toConverge(schema, remote, inputs), ...compare(schema, seen, inputs).replaces]) {
    const field = fieldSpec(schema, name);
    let from: unknown = seen[name];
    // Only the declared keys of a partly declared object (permission) change.
    if (field.partialKeys && from && typeof from === "object" && inputs[name] && typeof inputs[name] === "object")
      from = Object.fromEntries(Object.keys(inputs[name] as Inputs).map((k) => [k, (from as Inputs)[k] ?? null]));
    out[name] = {
      from: neverReported(field) ? "(never reported)" : from === undefined ? "(not answered)" : shown(field, from),
      to: shown(field, inputs[name]),
    };
  }
  return out;
}

/** The sentence the preview prints for an adoption. */
export function adoptionSentence(what: string, changes: Record<string, { from: unknown; to: unknown }>): string {
  const entries = Object.entries(changes);
  if (entries.length === 0) return `${what} exists and is adopted unchanged.`;
  const list = entries.map(([n, c]) => `${n}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`);
  return `${what} exists and is adopted; the adoption changes ${list.join(", ")}.`;
}

/**
 * The values with each field the update endpoint requires (`requiredOnUpdate`) that is undeclared,
 * or declared in part (`partialKeys`), filled from what the server holds now: `remote` when the
 * caller has just read it, else `readNow()`. A key the server does not report and the program does
 * not declare is not sent.
 */
export async function withRequiredOnUpdate(
  schema: ResourceSchema,
  values: Inputs,
  remote: Inputs | undefined,
  readNow: () => Promise<Inputs | undefined>,
): Promise<Inputs> {
  const needed = Object.entries(schema.fields).filter(
    ([name, f]) => f.requiredOnUpdate && f.lifecycle !== "identity" && (values[name] === undefined || f.partialKeys),
  );
  if (needed.length === 0) return values;
  const now = declaredFormOf(schema, remote ?? (await readNow()) ?? {}, {});
  const out: Inputs = { ...values };
  for (const [name, field] of needed) {
    const server = now[name];
    if (field.partialKeys)
      out[name] = {
        ...(server && typeof server === "object" ? (server as Inputs) : {}),
        ...((values[name] as Inputs | undefined) ?? {}),
      };
    else if (out[name] === undefined && server !== undefined) out[name] = server;
  }
  return out;
}
