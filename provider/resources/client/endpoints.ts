/**
 * clink.Client (座席, an agent): doc 3.1.1 create_client, 3.1.2 update_client, 3.1.3
 * delete_client, 3.1.5 describe_client, 3.1.13/3.1.14 other_setting, 4.2.8 offline_client.
 * Id: the agent number (cno). Fields and their rules: ./schema.ts.
 */
import { ClinkApiError, type ClinkClient } from "../../api";
import { clientSchema } from "./schema";
import type { Inputs } from "../../schema/ops";
import { withChangeWindow } from "../../plugin/change-window";
import { untilFree } from "../../plugin/agent-state";
import { warnOnReplace } from "../../plugin/live-preview";
import { makeProvider } from "../../plugin/provider";
import { readOrGone } from "../../plugin/errors";
import { logOut } from "../../plugin/log-out";
import { setKeys, withLastQueueGuard } from "../queue/last-queue";

export async function describeClient(api: ClinkClient, cno: string): Promise<Inputs | undefined> {
  // An unknown cno is ResourceNotFound (doc 3.1.3 delete_client, error ResourceNotFound; describe's
  // own table only lists ClientExist).
  const answer = await readOrGone(() =>
    api.request<{ client?: Inputs }>("GET", "/cc/describe_client", { query: { cno } }),
  );
  const client = answer?.client;
  if (!client) return undefined;
  // The gains live on their own endpoint (3.1.14): merged in so refresh sees them drift too. Its
  // ResourceNotFound (座席不存在, doc 3.1.14) means the agent went between the two calls: gone.
  const other = await readOrGone(() =>
    api.request<{ otherSettings?: { agcRx?: number; agcTx?: number } }>("GET", "/cc/list_other_setting", {
      query: { cno },
    }),
  );
  if (!other) return undefined;
  return { ...client, agcRx: other.otherSettings?.agcRx, agcTx: other.otherSettings?.agcTx };
}

/** Doc 3.1.1/3.1.2 `password` travels AES-encrypted (provider/api/password-encryption.ts). */
function withTransportPassword(api: ClinkClient, body: Inputs): Inputs {
  return typeof body.password === "string" ? { ...body, password: api.agentPassword(body.password) } : body;
}

/**
 * Writes the gains (other_setting, doc 3.1.13) when the program changes one: `changed` lists the
 * fields this write changes (undefined on create: every declared one). other_setting takes both
 * gains at once (error InvalidParameter), so a gain not changed here carries the server's current
 * value (doc 3.1.14 list_other_setting, read just before): a gain edited in the console is never
 * put back by an edit the preview did not show.
 */
async function writeGains(api: ClinkClient, cno: string, inputs: Inputs, changed?: string[]): Promise<void> {
  if (inputs.agcRx === undefined || inputs.agcTx === undefined) return;
  const body: Inputs = { cno, agcRx: inputs.agcRx, agcTx: inputs.agcTx };
  if (changed) {
    const rx = changed.includes("agcRx");
    const tx = changed.includes("agcTx");
    if (!rx && !tx) return;
    if (!rx || !tx) {
      const now = await api.request<{ otherSettings?: { agcRx?: number; agcTx?: number } }>(
        "GET",
        "/cc/list_other_setting",
        { query: { cno } },
      );
      if (!rx && now.otherSettings?.agcRx !== undefined) body.agcRx = now.otherSettings.agcRx;
      if (!tx && now.otherSettings?.agcTx !== undefined) body.agcTx = now.otherSettings.agcTx;
    }
  }
  await api.request("POST", "/cc/other_setting", { body, idempotent: true });
}

const provider = makeProvider({
  schema: clientSchema,
  api: {
    async create(api, body, inputs) {
      const answer = await api.request<{ client?: Inputs }>("POST", "/cc/create_client", {
        body: withTransportPassword(api, body),
      });
      await writeGains(api, String(inputs.cno), inputs);
      // The answer echoes the password (doc 3.1.1 answer example): never let it reach outputs or logs.
      if (answer.client) delete answer.client.password;
      return answer.client;
    },
    read: (api, id) => describeClient(api, id),
    async update(api, id, body, news, changed) {
      const answer = await api.request<{ client?: Inputs }>("POST", "/cc/update_client", {
        body: withTransportPassword(api, body),
        idempotent: true,
      });
      // Only a gain the update changes (on an adoption: one the server holds otherwise).
      await writeGains(api, id, news, changed);
      if (answer.client) delete answer.client.password;
      return answer.client;
    },
    async delete(api, id, state) {
      // A delete (or the delete half of a replacement) waits for a call to end (doc 7.1).
      await untilFree(api, id, "delete");
      try {
        await api.request("POST", "/cc/delete_client", { body: { cno: id }, idempotent: true });
      } catch (err) {
        if (!(err instanceof ClinkApiError && err.code === "ClientOnline" && state.forceOfflineOnDelete === true))
          throw err;
        // Opted in: log the agent out (4.2.8), then delete.
        await logOut(api, id);
        await api.request("POST", "/cc/delete_client", { body: { cno: id }, idempotent: true });
      }
    },
    existsCodes: ["ClientExist"],
    hints: {
      ClientOnline:
        "The agent is logged in (doc 3.1.3 delete_client, error ClientOnline). Log the agent out, or set " +
        "`forceOfflineOnDelete: true` on the resource to have the deployment log them out first, then run it again.",
      ClientPassword:
        "The server refused the password: either it breaks the enterprise's password rule (系统管理 > 安全设置; default length 8, doc 3.1.1 `password`) " +
        "and a password that meets it is needed, or the server could not decrypt it: agent passwords travel AES-encrypted under the access key secret " +
        "(clink:passwordEncryption, default `aes`; set `none` only for a tenant that expects plain text).",
    },
  },
});

/** Replacements warn at preview about a logged-in agent; deletes and replacements keep to the change window. */
export const clientProvider = withChangeWindow(
  warnOnReplace(
    // update_client sets exactly `qnos` (doc 3.1.2): dropping the last one waits for a call (../queue/last-queue.ts).
    withLastQueueGuard(provider, "Client", {
      update(id, olds, news) {
        if (news.qnos === undefined) return [];
        const after = setKeys(news.qnos);
        const lost = setKeys(olds.qnos).filter((q) => !after.includes(q));
        // Not known before (never read): an empty set may still take queues the server holds.
        const unknown = olds.qnos === undefined && after.length === 0;
        return lost.length > 0 || unknown ? [{ cno: id, qnos: lost, after }] : [];
      },
    }),
    "delete",
    (id) => id,
  ),
  "Client",
);
