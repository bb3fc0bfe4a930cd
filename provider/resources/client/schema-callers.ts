/**
 * An agent's caller numbers (外显号码): which numbers an outbound call shows, doc 3.1.1
 * create_client `clidType` to `clidArea` and the fallback numbers (`obClidDefaultType`,
 * `dynamicTelGroupIdDefault`). Part of the Client schema (./schema.ts), in its field order.
 */
import { z } from "zod";
import {
  codes,
  int,
  keyedSet,
  objectsOf,
  oneOf,
  sortedSet,
  stringSet,
  stringsOf,
  telNumber,
  text,
  unmaskNumbers,
  type FieldSpec,
} from "../../schema/core";

/** Caller-number type (外显号码类型), doc 3.1.1 `clidType`. */
const clidTypeCodes = codes("ClidType", {
  All: [0, "all", "全部"],
  LocalFirst: [1, "local first (本地优先; vendor SDK, not in the document)"],
  AgentSpecified: [2, "agent-specified", "座席指定"],
  Smart: [3, "smart", "智能外显"],
});
export const ClidType = clidTypeCodes.values;
/**
 * Caller-number rule (外显规则), doc 3.1.1 `clidRule`: random/round robin for ClidType.All,
 * dynamic/custom for ClidType.Smart.
 */
const clidRuleCodes = codes("ClidRule", {
  RandomOrDynamic: [1, "random (all) / dynamic (smart)"],
  RoundRobinOrCustom: [2, "round robin (all) / custom (smart)"],
});
export const ClidRule = clidRuleCodes.values;
/** Number source (号码类型), doc 3.1.1 `assignType`. */
const assignTypeCodes = codes("AssignType", { Numbers: [0, "numbers"], DynamicGroup: [1, "dynamic number group"] });
export const AssignType = assignTypeCodes.values;

/** Caller numbers (外显号码): digits, never a mask (doc 2.7); 3 to 20 digits. */
const phoneNumber = telNumber(3, 20, "a caller number (外显号码)");
const numberSet = stringSet(phoneNumber, "caller number (外显号码)");

/** Area-specific caller numbers (doc 3.1.1 clidArea 对象). A set keyed by areaGroupName. */
const clidAreaItem = z
  .object({
    areaGroupName: z
      .string({ error: "must be the area group name (地区组名称)" })
      .min(1)
      .meta({ description: "Area group name (地区组名称): the key of the set." }),
    obClids: sortedSet(phoneNumber, "caller number (外显号码)")
      .optional()
      .meta({ description: "Caller numbers for the area (外显号码), a set." }),
    assignType: oneOf(assignTypeCodes)
      .optional()
      .meta({ description: "Number source (号码类型): 0 numbers, 1 a dynamic number group." }),
    dynamicTelGroupName: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Dynamic number group name (动态号码组名称), with assignType 1." }),
    areaGroupId: int(0, 2 ** 31 - 1)
      .optional()
      .meta({ description: "Deprecated by the vendor (字段废弃): use areaGroupName." }),
    dynamicTelGroupId: int(0, 2 ** 31 - 1)
      .optional()
      .meta({ description: "Deprecated by the vendor (字段废弃): use dynamicTelGroupName." }),
  })
  .strict()
  .meta({ clinkType: "ClidArea" });
export type ClidArea = z.infer<typeof clidAreaItem>;
const clidAreaSchema = keyedSet(clidAreaItem, "areaGroupName", "{ areaGroupName, obClids, ... }");

const describedOnlyRead = { read: false as const };

/** The caller-number fields, from clidType to recurrentselectionValue. */
export const callerNumberFields: Record<string, FieldSpec> = {
  clidType: {
    schema: oneOf(clidTypeCodes),
    label: "Caller-number type",
    term: "外显号码类型",
    doc: "Doc 3.1.1/3.1.2 list 0, 2 and 3; 1 local first (本地优先) is in the vendor SDK's create/update requests only, accepted so an agent the console set so can be adopted as it is (docs/design.md). Non-zero requires `clid`.",
    lifecycle: "updatable",
    default: 0,
  },
  clidRule: {
    schema: oneOf(clidRuleCodes),
    label: "Caller-number rule",
    term: "外显规则",
    doc: "With clidType 0: 1 random, 2 round robin; with clidType 3: 1 dynamic, 2 custom.",
    lifecycle: "updatable",
    default: 1,
  },
  assignType: {
    schema: oneOf(assignTypeCodes),
    label: "Number source",
    term: "号码类型",
    doc: "1 needs dynamicTelGroupName.",
    lifecycle: "updatable",
    default: 0,
    api: describedOnlyRead,
  },
  dynamicTelGroupId: {
    schema: int(0, 2 ** 31 - 1),
    label: "dynamicTelGroupId (deprecated)",
    doc: "Deprecated by the vendor (字段废弃): use dynamicTelGroupName.",
    lifecycle: "updatable",
    api: describedOnlyRead,
  },
  dynamicTelGroupName: {
    schema: text(30),
    label: "Dynamic number group name",
    term: "动态号码组名称",
    doc: "Required when assignType is 1.",
    lifecycle: "updatable",
    api: describedOnlyRead,
  },
  clid: {
    schema: numberSet,
    label: "Caller numbers the agent may show",
    term: "可外显号码集合",
    doc: "Required when clidType is not 0. Must be enterprise caller numbers.",
    lifecycle: "updatable",
    asList: stringsOf,
    // A server with number hiding answers masked numbers (doc 3.1.5 example "400xxx888").
    mergeApi: unmaskNumbers,
  },
  clidDefault: {
    schema: numberSet,
    label: "Fallback caller numbers",
    term: "缺省外显号码集合",
    doc: "For clidType 3 with clidRule 1.",
    lifecycle: "updatable",
    asList: stringsOf,
    api: describedOnlyRead,
  },
  clidArea: {
    schema: clidAreaSchema,
    label: "Caller numbers by area",
    term: "按地区外显配置",
    doc: "For clidType 3 with clidRule 2. Describe returns only areaGroupName and obClids; the other keys are compared with the last declaration.",
    lifecycle: "updatable",
    asList: objectsOf("areaGroupName"),
    mergeApi: (value, previous) => {
      if (!Array.isArray(value)) return value;
      const list = objectsOf("areaGroupName")(previous) as ClidArea[] | undefined;
      const before = new Map((Array.isArray(list) ? list : []).map((a) => [a.areaGroupName, a]));
      return value.map((a: ClidArea) => {
        const prev = before.get(a.areaGroupName);
        const merged: Record<string, unknown> = { ...a };
        if (Array.isArray(a.obClids)) merged.obClids = unmaskNumbers(a.obClids, prev?.obClids);
        for (const k of ["assignType", "dynamicTelGroupName", "areaGroupId", "dynamicTelGroupId"] as const)
          if (merged[k] === undefined && prev?.[k] !== undefined) merged[k] = prev[k];
        return merged;
      });
    },
  },
  recurrentselectionType: {
    schema: oneOf({ 1: "by day", 2: "by call" }),
    label: "Round-robin period",
    term: "轮选方式",
    doc: "Effective with clidType 0 and clidRule 2.",
    lifecycle: "updatable",
  },
  recurrentselectionValue: {
    schema: int(1, 30, "days or calls"),
    label: "Round-robin interval",
    term: "轮选值",
    doc: "Change the number every n days or calls.",
    lifecycle: "updatable",
  },
};

/** The fallback caller-number fields (after `type` and `wechatMiniProgramRtc` in the schema). */
export const fallbackNumberFields: Record<string, FieldSpec> = {
  obClidDefaultType: {
    schema: oneOf({ 0: "number", 1: "dynamic number group" }),
    label: "Fallback number type",
    term: "缺省号码类型",
    doc: "1 needs dynamicTelGroupIdDefault.",
    lifecycle: "updatable",
    default: 0,
    api: describedOnlyRead,
  },
  dynamicTelGroupIdDefault: {
    schema: int(0, 2 ** 31 - 1),
    label: "Fallback dynamic number group id",
    term: "缺省动态外呼组id",
    doc: "Required when obClidDefaultType is 1.",
    lifecycle: "updatable",
    api: describedOnlyRead,
  },
};
