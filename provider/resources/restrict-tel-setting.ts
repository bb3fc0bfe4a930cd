/**
 * clink.RestrictTelSetting (黑白名单配置): the enterprise-wide switch, doc 3.7.4/3.7.5. A
 * singleton (id "restrict-tel-setting"): create and update both set it. Destroying the resource
 * leaves the switch as it is: turning call protection off is something to declare
 * (`settingValue: 0`), never a side effect of removing code. See docs/restrict-tel.md.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ClinkClient } from "../api";
import { restrictTelSettingSchema } from "../../schema/restrict-tel-setting";
import type { Inputs } from "../../schema/ops";
import { makeProvider } from "./kit";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

export { RestrictTelSettingValue } from "../../schema/restrict-tel-setting";

export const RESTRICT_TEL_SETTING_ID = "restrict-tel-setting";

export async function describeSetting(api: ClinkClient): Promise<Inputs | undefined> {
  const answer = await api.request<{ setting?: Inputs }>("GET", "/cc/describe_restrict_tel_setting");
  return answer.setting;
}

async function setSetting(api: ClinkClient, body: Inputs): Promise<Inputs | undefined> {
  const answer = await api.request<{ setting?: Inputs }>("POST", "/cc/update_restrict_tel_setting", {
    body: { settingValue: body.settingValue },
    idempotent: true,
  });
  return answer.setting;
}

export const restrictTelSettingProvider = makeProvider({
  schema: restrictTelSettingSchema,
  api: {
    async create(api, body) {
      // The switch always exists: when it already has the declared value (an adopted center, e.g.
      // an exported one), setting it again would be a write call that changes nothing.
      const current = await describeSetting(api);
      if (current && Number(current.settingValue) === body.settingValue) return current;
      return setSetting(api, body);
    },
    read: (api) => describeSetting(api),
    idAfterCreate: async () => RESTRICT_TEL_SETTING_ID,
    update: (api, _id, body) => setSetting(api, body),
    async delete() {
      // Left as it is on purpose (see the file comment).
    },
    // The switch always exists: declaring it never collides with anything.
    blocksCreate: () => false,
    existsCodes: [],
  },
});

/** The typed form: which list, for which direction. */
export type RestrictMode = "off" | "blacklist" | "whitelist";
export type RestrictScope = "inbound" | "outbound" | "both";

/** Maps the typed form onto doc 3.7.4/3.7.5 `settingValue` 0-6; undefined when the pair is not valid. */
export function settingValueOf(mode: RestrictMode, direction?: RestrictScope): number | undefined {
  if (mode === "off") return direction === undefined ? 0 : undefined;
  const base = mode === "blacklist" ? 0 : mode === "whitelist" ? 3 : NaN;
  const step = direction === "inbound" ? 1 : direction === "outbound" ? 2 : direction === "both" ? 3 : NaN;
  const v = base + step;
  return Number.isNaN(v) ? undefined : v;
}

export type RestrictTelSettingArgs =
  | { /** The document's value 0-6 (`RestrictTelSettingValue`). */ settingValue: pulumi.Input<number> }
  | {
      /** "off", "blacklist" or "whitelist". */
      mode: pulumi.Input<RestrictMode>;
      /** With a list: "inbound", "outbound" or "both". */
      direction?: pulumi.Input<RestrictScope>;
    };

export class RestrictTelSetting extends pulumi.dynamic.Resource {
  declare readonly settingValue: pulumi.Output<number>;
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: RestrictTelSettingArgs, opts?: pulumi.CustomResourceOptions) {
    // A bad typed form reaches check as a failure (never a thrown error in the program, which
    // would leave an inline program hanging when it happens inside an Output).
    const typed = "mode" in args;
    const both = typed && "settingValue" in args;
    const mapped = typed ? pulumi.all([args.mode, args.direction]).apply(([m, d]) => settingValueOf(m, d)) : undefined;
    const settingValue = mapped ?? (args as { settingValue?: pulumi.Input<number> }).settingValue;
    const verdict = both
      ? { property: "mode", reason: "declare either settingValue or mode/direction, not both" }
      : mapped?.apply((v) =>
          v === undefined
            ? {
                property: "mode",
                reason:
                  'mode must be "off" (without direction), or "blacklist"/"whitelist" with direction "inbound", "outbound" or "both"',
              }
            : undefined,
        );
    super(
      serializableProvider("restrictTelSetting"),
      name,
      resourceProps(
        restrictTelSettingSchema,
        { settingValue },
        verdict,
        opts?.id ? undefined : `clink.RestrictTelSetting "${name}"`,
        opts,
      ),
      resourceOptions(restrictTelSettingSchema, opts),
      "clink",
      "RestrictTelSetting",
    );
  }

  /** Reads the switch without managing it. */
  static get(name: string, opts?: pulumi.CustomResourceOptions): RestrictTelSetting {
    return new RestrictTelSetting(name, {} as never, { ...opts, id: RESTRICT_TEL_SETTING_ID });
  }
}
