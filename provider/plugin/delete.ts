/** delete: refusals explained; an object this deployment took over again is left alone. */
import { ClinkApiError } from "../api";
import type { Inputs } from "../schema/ops";
import { CLAIM } from "../schema/wire";
import { takenThisDeployment } from "./deployment";
import { connect, explain } from "./errors";
import type { ProviderSpec } from "./spec";

export async function remove(def: ProviderSpec, id: string, props: Inputs): Promise<void> {
  const { schema, api } = def;
  const label = `${schema.type} ${id}`;
  const taken = takenThisDeployment.get(`${schema.type}:${id}`);
  if (taken !== undefined && taken !== props[CLAIM]) {
    // The plugin's standard output reaches the user as an info message.
    console.log(
      `pulumi-clink: ${label} is not deleted: another resource of this deployment created or adopted it; ` +
        `the old resource only leaves the state.`,
    );
    return;
  }
  const client = connect();
  try {
    await api.delete(client, id, props);
  } catch (err) {
    if (err instanceof ClinkApiError && err.code === "ResourceNotFound") return; // already gone
    throw explain(label, "delete", err, api.hints);
  }
}
