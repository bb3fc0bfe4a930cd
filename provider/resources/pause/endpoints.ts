/**
 * clink.Pause (置忙状态): doc 3.3. Id: the server's id, found by the status text after create
 * (the answer carries no id: doc 3.3.2 create_enterprise_pause example); update by id, delete by
 * the current text (doc 3.3.3 delete_enterprise_pause, `pauseStatus`).
 * Fields: ./schema.ts. One default per program: see docs/pauses.md.
 */
import type { ClinkClient } from "../../api";
import { pauseSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { NotListedAfterCreateError, readOrGone } from "../../plugin/errors";
import { makeProvider } from "../../plugin/provider";

/** Every pause status; none when the server answers ResourceNotFound (doc 3.3.1 lists only the general codes). */
export async function allPauses(api: ClinkClient): Promise<Inputs[]> {
  const answer = await readOrGone(() =>
    api.request<{ enterprisePauses?: Inputs[] }>("GET", "/cc/list_enterprise_pauses"),
  );
  return answer?.enterprisePauses ?? [];
}

const byText = async (api: ClinkClient, text: string) => (await allPauses(api)).find((p) => p.pauseStatus === text);
const byId = async (api: ClinkClient, id: string) => (await allPauses(api)).find((p) => String(p.id) === id);

export const pauseProvider = makeProvider({
  schema: pauseSchema,
  api: {
    async create(api, body) {
      await api.request("POST", "/cc/create_enterprise_pause", { body });
      return byText(api, String(body.pauseStatus));
    },
    lookup: (api, text) => byText(api, text),
    read: (api, id) => byId(api, id),
    async idAfterCreate(_api, inputs, created) {
      if (created?.id === undefined)
        throw new NotListedAfterCreateError(
          `Pause "${String(inputs.pauseStatus)}" was created but is not in the list; run \`pulumi refresh\`.`,
        );
      return String(created.id);
    },
    async update(api, id, body) {
      const answer = await api.request<{ enterprisePause?: Inputs }>("POST", "/cc/update_enterprise_pause", {
        body: { ...body, id: Number(id) },
        idempotent: true,
      });
      return answer.enterprisePause;
    },
    async delete(api, id, state) {
      // Delete goes by text: use the server's current text, which may have been renamed out of band.
      const current = await byId(api, id);
      if (!current) return;
      await api.request("POST", "/cc/delete_enterprise_pause", {
        body: { pauseStatus: current.pauseStatus ?? state.pauseStatus },
        idempotent: true,
      });
    },
    existsCodes: [],
    hints: {
      InvalidParameter:
        "Another pause status may already use this text: set `adopt: true` to take it over, or pick another text.",
    },
  },
});
