/**
 * clink.Exten (话机, a phone): doc 3.4.1 create_exten, 3.4.2 update_exten, 3.4.3 delete_exten,
 * 3.4.5 describe_exten. Id: the phone number (extenNumber). Fields and their rules: ./schema.ts.
 */
import type { ClinkClient } from "../../api";
import { extenSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { makeProvider } from "../../plugin/provider";
import { readOrGone } from "../../plugin/errors";

async function describeExten(api: ClinkClient, extenNumber: string): Promise<Inputs | undefined> {
  // describe_exten lists no error of its own (doc 3.4.5); an unknown number is ResourceNotFound.
  const answer = await readOrGone(() =>
    api.request<{ exten?: Inputs }>("GET", "/cc/describe_exten", { query: { extenNumber } }),
  );
  return answer?.exten;
}

export const extenProvider = makeProvider({
  schema: extenSchema,
  api: {
    async create(api, body) {
      const answer = await api.request<{ exten?: Inputs }>("POST", "/cc/create_exten", { body });
      return answer.exten;
    },
    read: (api, id) => describeExten(api, id),
    async update(api, _id, body) {
      const answer = await api.request<{ exten?: Inputs }>("POST", "/cc/update_exten", { body, idempotent: true });
      return answer.exten;
    },
    async delete(api, id) {
      await api.request("POST", "/cc/delete_exten", { body: { extenNumber: id }, idempotent: true });
    },
    // Doc 3.4.1 create_exten, error ParameterConflict: a taken number (话机号码重复).
    existsCodes: ["ParameterConflict"],
    hints: {
      UpperLimit:
        "The enterprise may have at most (phone agents + PC agents) x 3 phones " +
        "(doc 3.4.1 create_exten, error UpperLimit): delete unused phones or add agents first.",
      Registered:
        "The phone is registered (online), and a registered phone cannot change type " +
        "(doc 3.4.2 update_exten, error Registered): unregister it (power it off or log the softphone out), " +
        "then run the deployment again.",
      ExtenOnUsing:
        "An agent has this phone bound (doc 3.4.3 delete_exten, error ExtenOnUsing): unbind it from the agent " +
        "(or delete that binding in this program) first, then run the deployment again.",
    },
  },
});
