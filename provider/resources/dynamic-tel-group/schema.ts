/**
 * DynamicTelGroup (动态号码组, a dynamic outbound-number group): doc 3.5.5
 * create_dynamic_tel_group_rule, 3.5.6 update_dynamic_tel_group_rule, 3.5.7
 * delete_dynamic_tel_group_rule, 3.5.8 page_dynamic_tel_group_rule.
 *
 * The server's numeric id is the resource id; the create answer carries none (doc 3.5.5 返回参数),
 * so the provider finds it by name, which is unique (doc 3.5.5 `name`: 要求唯一). Agents refer to a
 * group by name.
 */
import { z } from "zod";
import {
  telNumber,
  flag,
  int,
  setSize,
  stringSet,
  stringsOf,
  text,
  unmaskNumbers,
  type Failure,
  type ResourceSchema,
} from "../../schema/core";

const ADVANCED = ["statisticDays", "minObCount", "minObDays", "minAnswerRate"];

export const dynamicTelGroupSchema: ResourceSchema = {
  type: "DynamicTelGroup",
  list: { path: "/cc/page_dynamic_tel_group_rule", key: "dynamicTelGroupRules" },
  vendorTerm: "动态号码组",
  noun: "number group",
  idFields: ["name"],
  idDoc:
    "the server's numeric id (also the `groupId` output), found by `name` after create (create_dynamic_tel_group_rule answers no id, doc 3.5.5); `DynamicTelGroup.get` takes it",
  fields: {
    name: {
      schema: text(30),
      label: "Group name",
      term: "动态号码组名称",
      doc: "Unique. Agents refer to the group by it. Renaming updates in place.",
      lifecycle: "updatable",
      required: true,
    },
    selectedTels: {
      schema: stringSet(telNumber(3, 20, "a caller number (外显号码)"), "caller number"),
      mergeApi: unmaskNumbers,
      asList: stringsOf,
      label: "Numbers in the group",
      term: "动态号码组内号码",
      doc:
        "1 to 500 of the enterprise's caller numbers " + "(doc 3.5.5 create_dynamic_tel_group_rule, `selectedTels`).",
      lifecycle: "updatable",
      required: true,
    },
    status: {
      schema: flag("off", "on"),
      label: "Rule enabled",
      term: "规则启用状态",
      doc: "",
      lifecycle: "updatable",
      default: 1,
    },
    advancedConfigPermission: {
      schema: flag("off", "on"),
      label: "Caller-number analysis",
      term: "高级设置开关",
      doc: "Runs when status is 1 too.",
      lifecycle: "updatable",
      default: 0,
    },
    statisticDays: {
      schema: int(7, 60, "days"),
      label: "Analysis window",
      term: "统计时间",
      doc: "Only with advancedConfigPermission 1, where the server's default is 7.",
      lifecycle: "updatable",
    },
    minObCount: {
      schema: int(1, 2 ** 31 - 1, "calls"),
      label: "Minimum outbound calls",
      term: "外呼最低次数",
      doc: "Only with advancedConfigPermission 1, where the server's default is 1.",
      lifecycle: "updatable",
    },
    minObDays: {
      schema: int(1, 2 ** 31 - 1, "days"),
      label: "Minimum outbound days",
      term: "外呼最少天数",
      doc: "Only with advancedConfigPermission 1, where the server's default is 1.",
      lifecycle: "updatable",
    },
    minAnswerRate: {
      schema: int(1, 100, "percent"),
      label: "Minimum answer rate",
      term: "最低接通率",
      doc: "Only with advancedConfigPermission 1, where the server's default is 1.",
      lifecycle: "updatable",
    },
    groupId: {
      schema: z.number(),
      label: "The server's id of the group",
      term: "动态号码组id",
      doc: "Also the resource id.",
      lifecycle: "computed",
      alwaysReported: true,
      api: { read: "id" },
    },
  },
  validate(inputs, known) {
    const failures: Failure[] = [];
    const tels = inputs.selectedTels;
    if (known("selectedTels") && tels !== undefined && (setSize(tels) === 0 || setSize(tels) > 500))
      failures.push({
        property: "selectedTels",
        reason: "selectedTels must hold 1 to 500 numbers (doc 3.5.5 create_dynamic_tel_group_rule, `selectedTels`)",
      });
    // With the switch on, an undeclared analysis setting is left alone: create_dynamic_tel_group_rule
    // does not require it (doc 3.5.5, `statisticDays` to `minAnswerRate`, 必填 false) and the server
    // fills its own default (开启高级配置开关时默认值), so it is not managed (issue 23).
    if (known("advancedConfigPermission") && inputs.advancedConfigPermission !== 1) {
      for (const k of ADVANCED)
        if (inputs[k] !== undefined)
          failures.push({
            property: k,
            reason: `${k} applies only with advancedConfigPermission 1 (doc 3.5.5, ${k}: 高级设置开关开启时)`,
          });
    }
    return failures;
  },
};
