/**
 * RestrictTelSetting (黑白名单配置): the enterprise-wide switch, doc 3.7.4
 * describe_restrict_tel_setting and 3.7.5 update_restrict_tel_setting. A singleton: id
 * "restrict-tel-setting".
 */
import { codes, oneOf, type ResourceSchema } from "../../schema/core";

/** The documented values 0-6 (doc 3.7.4/3.7.5 `settingValue`). */
const settingCodes = codes("RestrictTelSettingValue", {
  Off: [0, "off"],
  BlacklistInbound: [1, "blacklist, inbound"],
  BlacklistOutbound: [2, "blacklist, outbound"],
  BlacklistBoth: [3, "blacklist, both"],
  WhitelistInbound: [4, "whitelist, inbound"],
  WhitelistOutbound: [5, "whitelist, outbound"],
  WhitelistBoth: [6, "whitelist, both"],
});
export const RestrictTelSettingValue = settingCodes.values;

export const restrictTelSettingSchema: ResourceSchema = {
  type: "RestrictTelSetting",
  vendorTerm: "黑白名单配置",
  noun: "black/white list switch",
  idFields: [],
  singletonId: "restrict-tel-setting",
  idDoc: "`restrict-tel-setting`: one switch per center (doc 3.7.4)",
  fields: {
    settingValue: {
      schema: oneOf(settingCodes),
      label: "Which list applies to which direction",
      term: "黑白名单配置",
      doc: "Or declare `mode` and `direction` on the resource instead.",
      lifecycle: "updatable",
      required: true,
    },
  },
};
