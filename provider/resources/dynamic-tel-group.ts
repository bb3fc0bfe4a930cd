/**
 * clink.DynamicTelGroup (动态号码组): doc 3.5.5-3.5.8. Id: the server's group id; found by name
 * after create (the answer carries no id: doc 3.5.5 返回参数). Fields: schema/dynamic-tel-group.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ClinkClient } from "../api";
import { dynamicTelGroupSchema } from "../../schema/dynamic-tel-group";
import type { Inputs } from "../../schema/ops";
import { ClinkProviderError, makeProvider } from "./kit";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

/** Every group, all pages (3.5.8); the list is short, and names and ids are both unique. */
export function allGroups(api: ClinkClient): Promise<Inputs[]> {
  return api.listAll<Inputs>("/cc/page_dynamic_tel_group_rule", "dynamicTelGroupRules");
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
        throw new ClinkProviderError(
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

export interface DynamicTelGroupArgs {
  /** Group name (动态号码组名称), unique, at most 30. Agents refer to the group by it. */
  name: pulumi.Input<string>;
  /** Numbers in the group, a set of 1-500 of the enterprise's caller numbers. */
  selectedTels: pulumi.Input<pulumi.Input<string>[]>;
  /** Rule enabled (规则启用状态): 0 or 1. @default 1 */
  status?: pulumi.Input<number>;
  /** Caller-number analysis (高级设置开关): 0 or 1. @default 0 */
  advancedConfigPermission?: pulumi.Input<number>;
  /** Analysis window, days 7-60 (with the analysis on). @default 7 */
  statisticDays?: pulumi.Input<number>;
  /** Minimum outbound calls (with the analysis on). @default 1 */
  minObCount?: pulumi.Input<number>;
  /** Minimum outbound days (with the analysis on). @default 1 */
  minObDays?: pulumi.Input<number>;
  /** Minimum answer rate, percent 1-100 (with the analysis on). @default 1 */
  minAnswerRate?: pulumi.Input<number>;
  /** Take over a group that already exists with this name. */
  adopt?: pulumi.Input<boolean>;
}

export class DynamicTelGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly selectedTels: pulumi.Output<string[]>;
  declare readonly status: pulumi.Output<number>;
  declare readonly advancedConfigPermission: pulumi.Output<number>;
  declare readonly statisticDays: pulumi.Output<number | undefined>;
  declare readonly minObCount: pulumi.Output<number | undefined>;
  declare readonly minObDays: pulumi.Output<number | undefined>;
  declare readonly minAnswerRate: pulumi.Output<number | undefined>;
  /** The server's group id (for `dynamicTelGroupIdDefault` on agents). */
  declare readonly groupId: pulumi.Output<number>;
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: DynamicTelGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      serializableProvider("dynamicTelGroup"),
      name,
      resourceProps(
        dynamicTelGroupSchema,
        args,
        undefined,
        opts?.id ? undefined : `clink.DynamicTelGroup "${name}"`,
        opts,
      ),
      resourceOptions(dynamicTelGroupSchema, opts),
      "clink",
      "DynamicTelGroup",
    );
  }

  /** Reads an existing group by its server id without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): DynamicTelGroup {
    return new DynamicTelGroup(name, {} as DynamicTelGroupArgs, { ...opts, id });
  }
}
