/** What create, update and read hand the engine as outputs, and the bookkeeping they carry. */
import type { ResourceSchema } from "../schema/core";
import {
  asLists,
  fingerprintsOf,
  declaredFormOf,
  withoutWriteOnly,
  FINGERPRINTS,
  WRITE_ONLY_TAGS,
  type Inputs,
} from "../schema/ops";
import { ADOPTION_INPUT, CLAIM, DECLARED, DECLARED_KEYS } from "../schema/wire";

/** Properties the provider records besides the fields. */
export interface Bookkeeping {
  /** True when create took over an object that already existed (opt-in `adopt`). */
  adopted?: boolean;
  /** The token of the create that made the object this resource's own (takenThisDeployment). */
  claim?: unknown;
  /** The write-only fields' previous fingerprints. */
  prints?: unknown;
  /** The previous outputs (update): an undeclared field the answer leaves out keeps its value there. */
  previous?: Inputs;
}

/**
 * Outputs: the declared (checked) inputs, overlaid with what the server reported for read-only
 * fields and for fields the declaration leaves out: an undeclared field shows what the server
 * holds (this answer, else the previous outputs' value), never a promised default. A field the
 * API never reports and the program does not declare has no output. `adopted` only when true.
 */
export function outputs(
  schema: ResourceSchema,
  declared: Inputs,
  remote: Inputs | undefined,
  book: Bookkeeping,
): Inputs {
  // Write-only values (passwords) never reach the outputs: only their fingerprints (a secret).
  const prints = fingerprintsOf(schema, declared, book.prints);
  const outs: Inputs = withoutWriteOnly(schema, declared);
  // The tags and the adoption's preview are the checked inputs'; outputs need not store them again.
  delete outs[WRITE_ONLY_TAGS];
  delete outs[ADOPTION_INPUT];
  if (Object.keys(prints).length > 0) outs[FINGERPRINTS] = prints;
  const previous = book.previous ?? {};
  const seen = remote ? declaredFormOf(schema, remote, previous) : previous;
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.writeOnly) continue;
    const server = seen[name] ?? previous[name];
    if (server === undefined) continue;
    // Declared fields keep the declared form (a partly declared object: the server's keys under
    // the declared ones); read-only and undeclared ones show the server's value.
    if (field.lifecycle === "computed" || declared[name] === undefined) outs[name] = server;
    else if (field.partialKeys && typeof server === "object" && typeof declared[name] === "object")
      outs[name] = { ...(server as Inputs), ...(declared[name] as Inputs) };
  }
  if (book.adopted === true) outs.adopted = true;
  if (book.claim !== undefined) outs[CLAIM] = book.claim;
  outs[DECLARED] = Object.entries(schema.fields)
    .filter(([n, f]) => f.lifecycle !== "computed" && declared[n] !== undefined)
    .map(([n]) => n);
  const keys: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(schema.fields))
    if (field.partialKeys && isPlainObject(declared[name])) keys[name] = Object.keys(declared[name] as Inputs);
  if (Object.keys(keys).length > 0) outs[DECLARED_KEYS] = keys;
  // Outputs show sets as lists (Queue.members is a list of { cno, penalty }); inputs keep them keyed.
  return asLists(schema, outs);
}

export const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);
