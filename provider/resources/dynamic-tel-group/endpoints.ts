/**
 * clink.DynamicTelGroup (动态号码组): doc 3.5.5-3.5.8. Id: the server's group id; found by name
 * after create (the answer carries no id: doc 3.5.5 返回参数). Fields: ./schema.ts.
 */
import type { ClinkClient } from "../../api";
import { dynamicTelGroupSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { NotListedAfterCreateError, readOrGone } from "../../plugin/errors";
import { makeProvider } from "../../plugin/provider";

/**
 * Every group, all pages (3.5.8); the list is short, and names and ids are both unique. None when
 * the server answers ResourceNotFound (3.5.8 lists only the general codes).
 */
export async function allGroups(api: ClinkClient): Promise<Inputs[]> {
  return (await readOrGone(() => api.listAll<Inputs>("/cc/page_dynamic_tel_group_rule", "dynamicTelGroupRules"))) ?? [];
}

const byName = async (api: ClinkClient, name: string) => (await allGroups(api)).find((g) => g.name === name);

export const dynamicTelGroupProvider = makeProvider({
  schema: dynamicTelGroupSchema,
  api: {
    async create(api, body) {
      await api.request("POST", "/cc/create_dynamic_tel_group_rule", { body });
      return byName(api, String(body.name));
    },
    lookup: (api, name) => byName(api, name),
    read: async (api, id) => (await allGroups(api)).find((g) => String(g.id) === id),
    async idAfterCreate(_api, inputs, created) {
      if (created?.id === undefined)
        throw new NotListedAfterCreateError(
          `DynamicTelGroup "${String(inputs.name)}" was created but is not in the list; run \`pulumi refresh\`.`,
        );
      return String(created.id);
    },
    async update(api, id, body) {
      const answer = await api.request<{ dynamicTelGroup?: Inputs }>("POST", "/cc/update_dynamic_tel_group_rule", {
        body: { id: Number(id), ...body },
        idempotent: true,
      });
      return answer.dynamicTelGroup;
    },
    async delete(api, id) {
      await api.request("POST", "/cc/delete_dynamic_tel_group_rule", { body: { id: Number(id) }, idempotent: true });
    },
    // Not documented; the simulator answers InvalidParameter for a taken name, like other uniqueness rules.
    existsCodes: [],
    hints: {
      InvalidParameter:
        "Check that the name is not taken by another group (set `adopt: true` to take that group over) and that every number is one of the enterprise's caller numbers (clink.getClidNumbers).",
    },
  },
});
