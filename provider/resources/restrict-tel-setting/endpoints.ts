/**
 * clink.RestrictTelSetting (黑白名单配置): the enterprise-wide switch, doc 3.7.4/3.7.5. A
 * singleton (id "restrict-tel-setting"): create and update both set it. Destroying the resource
 * leaves the switch as it is: turning call protection off is something to declare
 * (`settingValue: 0`), never a side effect of removing code. See docs/restrict-tel.md.
 */
import type { ClinkClient } from "../../api";
import { restrictTelSettingSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { makeProvider } from "../../plugin/provider";

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
    idAfterCreate: async () => restrictTelSettingSchema.singletonId!,
    update: (api, _id, body) => setSetting(api, body),
    async delete() {
      // Left as it is on purpose (see the file comment).
    },
    // The switch always exists: declaring it never collides with anything.
    blocksCreate: () => false,
    existsCodes: [],
    guardsCreate: true,
  },
});
