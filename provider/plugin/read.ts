/**
 * read, for refresh and `get`: every field as the server holds it as an output; as inputs, only
 * what the last declaration held, and none at all when nothing changed on the server.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  deepEqual,
  fingerprintsOf,
  declaredFormOf,
  optionNames,
  withoutWriteOnly,
  asLists,
  FINGERPRINTS,
  type Inputs,
} from "../schema/ops";
import { fingerprintsInState, lastDeclaration, onlyDeclaredKeys } from "../schema/state-upgrade";
import { CLAIM, DECLARED, DECLARED_KEYS } from "../schema/wire";
import { call, connect } from "./errors";
import type { ProviderSpec } from "./spec";

export async function read(def: ProviderSpec, id: string, props: Inputs): Promise<dynamic.ReadResult> {
  const { schema, api } = def;
  const label = `${schema.type} ${id}`;
  const client = connect();
  const remote = await call(label, "read", () => api.read(client, id, props));
  if (!remote) return {}; // gone: refresh drops it from state
  const declared = withoutWriteOnly(schema, declaredFormOf(schema, remote, props));
  // Older state reads in today's form here (provider/schema/state-upgrade.ts).
  const last = lastDeclaration(schema, props);
  // Every field is an output as the server holds it, declared or not, defaults included: the
  // program sees what is there, never a default promised for a field nobody manages. A field
  // the API never reports keeps its previous output (the declared value, or none).
  const outs: Inputs = asLists(schema, declared);
  const prints = fingerprintsInState(props, (values) => fingerprintsOf(schema, values, undefined));
  if (Object.keys(prints as object).length > 0) outs[FINGERPRINTS] = prints;
  // Bookkeeping and options travel on: delete reads forceOfflineOnDelete from the state.
  for (const key of ["adopted", CLAIM, DECLARED, DECLARED_KEYS, ...optionNames(schema)])
    if (props[key] !== undefined) outs[key] = props[key];
  // As inputs, only what the last declaration held: a field the program does not declare is not
  // managed, so its server value is no drift (issue 23) and must not show as a removal in the
  // next preview.
  const inputs: Inputs = {};
  // Whether the server holds a declared field otherwise than the stored outputs say (state
  // that kept no list always counts).
  let found = !last.recorded;
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.lifecycle === "computed") continue;
    // A declared field is found when the server holds it otherwise than the stored outputs say,
    // also when it no longer answers it (cleared, or "" read as unset).
    if (last.fields.has(name) && !deepEqual(outs[name], props[name])) found = true;
    if (declared[name] === undefined) continue;
    if (last.fields.has(name)) inputs[name] = onlyDeclaredKeys(field, declared[name], last.keys?.[name]);
  }
  // Nothing found: no inputs, so the engine keeps the ones it holds, the checked inputs of the
  // last up (the sealed password and its tag among them). Inputs rebuilt here differ from what
  // check gives for the same program, and the next up would then write the whole state once
  // per resource, for same steps whose inputs changed (docs/design.md, State per resource).
  if (!found) return { id, props: outs };
  for (const option of optionNames(schema)) if (props[option] !== undefined) inputs[option] = props[option];
  if (outs[FINGERPRINTS] !== undefined) inputs[FINGERPRINTS] = outs[FINGERPRINTS];
  return { id, props: outs, inputs };
}
