/**
 * check: validate and normalize the declaration from the schema; the program's verdict (a claim
 * two resources make) and, at a preview, what a create would meet on the server, as failures.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { containsUnknown } from "../schema/core";
import { idOf, checkFields, type Inputs } from "../schema/ops";
import { ADOPTION_INPUT, VERDICT_INPUT, PREVIEW_INPUT } from "../schema/wire";
import { adoptExisting } from "../settings";
import { adoptionChanges, adoptionSentence } from "./converge";
import { replacingThisDeployment } from "./deployment";
import { alreadyExists, call, connect } from "./errors";
import { listedAbsent } from "./presence";
import type { ProviderSpec } from "./spec";

export async function check(def: ProviderSpec, olds: Inputs, news: Inputs): Promise<dynamic.CheckResult> {
  const { schema, api } = def;
  const { [VERDICT_INPUT]: conflict, [PREVIEW_INPUT]: previewing, ...declared } = news;
  const { inputs, failures } = checkFields(schema, declared, { adopting: adoptExisting() });
  if (conflict && typeof conflict === "object" && "reason" in conflict)
    failures.unshift(conflict as { property: string; reason: string });
  // A create (no previous inputs): one look-up tells already at preview whether it would fail,
  // or, for an adoption, what it changes on the object found. A kind's listing answers for the
  // objects it does not hold (presence.ts).
  const creating = Object.keys(olds).filter((k) => !k.startsWith("__")).length === 0;
  const keyKnown = schema.idFields.every((f) => inputs[f] !== undefined && !containsUnknown(inputs[f]));
  const naturalId = keyKnown ? idOf(schema, inputs) : "";
  const replacing = replacingThisDeployment.has(`${schema.type}:${naturalId}`);
  const looking = previewing === true && creating && keyKnown && !replacing;
  if (failures.length === 0 && looking) {
    const label = `${schema.type} ${naturalId}`;
    const adopting = inputs.adopt === true || adoptExisting();
    const client = connect();
    const found = await call(label, adopting ? "look up for adoption" : "look up before create", async () =>
      (await listedAbsent(client, schema.list, naturalId))
        ? undefined
        : (api.lookup ?? api.read)(client, naturalId, inputs),
    );
    const blocks = found !== undefined && (api.blocksCreate?.(found, inputs) ?? true);
    if (blocks && !adopting)
      failures.push({ property: schema.idFields[0] ?? "id", reason: alreadyExists(schema, naturalId) });
    if (blocks && adopting) {
      const changes = adoptionChanges(schema, found, inputs);
      inputs[ADOPTION_INPUT] = changes;
      // The plugin's standard output reaches the user as an info message of the preview.
      console.log(`pulumi-clink: ${adoptionSentence(label, changes)}`);
    }
  }
  return { inputs, failures };
}
