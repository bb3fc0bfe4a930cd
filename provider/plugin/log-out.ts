/**
 * Logging an agent out before a delete the server refuses while the agent is online
 * (`forceOfflineOnDelete`, provider/program/force-offline.ts says who asks for it).
 */
import { ClinkApiError, type ClinkClient } from "../api";
import { untilFree } from "./agent-state";
import { LogOutRefusedError, readOrGone } from "./errors";

/**
 * Logs an agent out (doc 4.2.8 offline_client). OfflineFailure (the agent is not logged in, or
 * gone) is the state asked for: another delete of the same run may have logged the agent out.
 * ResourceNotFound is not: a key without rights to section 4, or a server without the call,
 * answers it too. Only the agent's own not-found (describe_client) says it is gone; otherwise the
 * delete fails, and its resource stays in the state.
 */
export async function logOut(api: ClinkClient, cno: string): Promise<void> {
  // Logging out an agent on a call cuts the call: never (doc 7.1 agent_status, read first).
  await untilFree(api, cno, "log-out (doc 4.2.8 offline_client)");
  try {
    await api.request("POST", "/cc/offline_client", { body: { cno }, idempotent: true });
  } catch (err) {
    if (err instanceof ClinkApiError && err.code === "OfflineFailure") return;
    if (!(err instanceof ClinkApiError && err.code === "ResourceNotFound")) throw err;
    const agent = await readOrGone(() => api.request("GET", "/cc/describe_client", { query: { cno } }));
    if (!agent) return; // gone: the delete that follows meets its own not-found
    const vendor = err.vendorMessage ? ` (${err.vendorMessage})` : "";
    const request = err.requestId ? `, requestId ${err.requestId}` : "";
    throw new LogOutRefusedError(
      `logging agent ${cno} out first (forceOfflineOnDelete; doc 4.2.8 offline_client) was answered ResourceNotFound${vendor}${request}, ` +
        `though the agent exists: the access key may lack the rights to section 4 (呼叫管理) calls, or the server does not offer offline_client. ` +
        `Nothing was deleted. Log the agent out (or grant the key those rights in 系统管理-系统对接-接口密钥), then run the deployment again.`,
    );
  }
}
