/**
 * clink.RestrictTel (黑白名单): doc 3.7.1-3.7.3. One number on one list, in one or both
 * directions; id `restrictType:tel` (what delete takes: doc 3.7.3 delete_restrict_tel,
 * `restrictType` and `tel`). No update endpoint: every change is a replacement, delete first.
 * Fields: ./schema.ts.
 */
import { ClinkApiError, type ClinkClient } from "../../api";
import { restrictTelSchema } from "./schema";
import { fieldSpec } from "../../schema/core";
import type { Inputs } from "../../schema/ops";
import { makeProvider } from "../../plugin/provider";
import { readOrGone } from "../../plugin/errors";
import { alreadyExistsRefusal } from "../../plugin/refusals";

function splitId(id: string): { restrictType: number; tel: string } {
  const at = id.indexOf(":");
  return { restrictType: Number(id.slice(0, at)), tel: id.slice(at + 1) };
}

/**
 * The entries of one number on one list (both directions), merged into one describe-shaped
 * object. Where the directions disagree (an expiry or note changed on one of them out of band),
 * the value that differs from the last declaration is the one shown, so the drift on either
 * direction reaches the preview.
 */
async function describeEntry(api: ClinkClient, id: string, state: Inputs = {}): Promise<Inputs | undefined> {
  const { restrictType, tel } = splitId(id);
  // A number not on the list may be answered ResourceNotFound (doc 3.7.1 lists only the general
  // codes, doc 2.4.1 ResourceNotFound among them) instead of an empty list: not listed either way.
  const entries =
    (await readOrGone(() =>
      api.listAll<Inputs>("/cc/list_restrict_tel", ["restrictTels", "list"], { restrictType, tel }),
    )) ?? [];
  const mine = entries.filter((e) => e.tel === tel && Number(e.restrictType) === restrictType);
  return mine.length === 0 ? undefined : mergeEntries(mine, state);
}

/** The list entries of one number on one list (one per direction) as one describe-shaped object. */
export function mergeEntries(mine: Inputs[], state: Inputs = {}): Inputs {
  const pick = (field: "description" | "expirationTime") => {
    const declared = (v: unknown) => {
      const f = fieldSpec(restrictTelSchema, field);
      return (f.fromApi ? f.fromApi(v ?? undefined) : v) ?? undefined;
    };
    const drifted = mine.find((e) => declared(e[field]) !== (state[field] ?? undefined));
    return (drifted ?? mine[0])?.[field] ?? undefined;
  };
  return {
    ...mine[0],
    type: [...new Set(mine.map((e) => Number(e.type)))].sort(),
    description: pick("description"),
    expirationTime: pick("expirationTime"),
  };
}

/**
 * Lists the number in one direction (the endpoint takes one `type`, doc 3.7.2 create_restrict_tel).
 * An ambiguous create: look before going on; a direction that is there is never sent again, one
 * that is not is sent again (a few times, with a pause), so that one lost answer does not leave
 * the number listed in one direction only.
 */
async function createDirection(api: ClinkClient, id: string, body: Inputs, type: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await api.request("POST", "/cc/create_restrict_tel", { body: { ...body, type } });
      return;
    } catch (err) {
      if (!(err instanceof ClinkApiError && (err.outcomeUnknown || attempt > 1))) throw err;
      const now = await describeEntry(api, id);
      if ((now?.type as number[] | undefined)?.includes(type)) return;
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

export const restrictTelProvider = makeProvider({
  schema: restrictTelSchema,
  api: {
    async create(api, body, inputs) {
      // One entry per direction (the endpoint takes one `type`).
      const id = `${String(inputs.restrictType)}:${String(inputs.tel)}`;
      // The number on this list in any direction is this resource's object (delete takes them
      // all). Doc 3.7.2 lists no error for a number already listed: look first.
      if (await describeEntry(api, id))
        throw alreadyExistsRefusal(`number ${String(inputs.tel)} is already on list ${String(inputs.restrictType)}`);
      for (const type of inputs.type as number[]) await createDirection(api, id, body, type);
      // The outputs come from the declaration; one list call per entry saved (the list endpoint is
      // the busiest one when a center's lists are created, bench/RESULTS.md).
      return undefined;
    },
    read: (api, id, state) => describeEntry(api, id, state),
    // Found listed in only some of the declared directions (a run killed between the two creates,
    // or the recovery after a lost answer): list it in the others. A direction found but not
    // declared stays: delete_restrict_tel removes the number from every direction (doc 3.7.3).
    async complete(api, remote, inputs, body) {
      const id = `${String(inputs.restrictType)}:${String(inputs.tel)}`;
      const listed = new Set((remote.type as number[] | undefined) ?? []);
      for (const type of inputs.type as number[]) if (!listed.has(type)) await createDirection(api, id, body, type);
      return describeEntry(api, id, inputs);
    },
    async update() {
      throw new Error("RestrictTel has no update endpoint: every change is a replacement (this is a bug if reached).");
    },
    async delete(api, id) {
      await api.request("POST", "/cc/delete_restrict_tel", { body: splitId(id), idempotent: true });
    },
    existsCodes: [],
    // create lists the number first (describeEntry).
    guardsCreate: true,
  },
});
