/**
 * RestrictTelSetting (黑白名单配置): the enterprise-wide switch, doc 3.7.4
 * describe_restrict_tel_setting and 3.7.5 update_restrict_tel_setting. A singleton: id
 * "restrict-tel-setting".
 */
import { oneOf, type ResourceSchema } from "./core";

/** The documented values 0-6 (doc 3.7.4/3.7.5 `settingValue`). */
export const RestrictTelSettingValue = {
  Off: 0,
  BlacklistInbound: 1,
  BlacklistOutbound: 2,
  BlacklistBoth: 3,
  WhitelistInbound: 4,
  WhitelistOutbound: 5,
  WhitelistBoth: 6,
} as const;

export const restrictTelSettingSchema: ResourceSchema = {
  type: "RestrictTelSetting",
  vendorTerm: "黑白名单配置",
  idFields: [],
  idDoc: "`restrict-tel-setting`: one switch per center (doc 3.7.4)",
  fields: {
    settingValue: {
      schema: oneOf({
        0: "off",
        1: "blacklist, inbound",
        2: "blacklist, outbound",
        3: "blacklist, both",
        4: "whitelist, inbound",
        5: "whitelist, outbound",
        6: "whitelist, both",
      }),
      doc: "Which list applies to which direction (黑白名单配置), 0-6; or declare `mode` and `direction` on the resource instead.",
      lifecycle: "updatable",
      required: true,
    },
  },
};
