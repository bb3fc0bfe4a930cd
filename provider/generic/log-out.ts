/**
 * Logging an agent out before a delete the server refuses while the agent is online
 * (`forceOfflineOnDelete`, provider/program/force-offline.ts says who asks for it).
 */
import { ClinkApiError, type ClinkClient } from "../api";
import { untilFree } from "./agent-state";

/**
 * Logs an agent out (doc 4.2.8 offline_client). OfflineFailure (the agent is not logged in, or
 * gone) is the state asked for: another delete of the same run may have logged the agent out.
 */
export async function logOut(api: ClinkClient, cno: string): Promise<void> {
  // Logging out an agent on a call cuts the call: never (doc 7.1 agent_status, read first).
  await untilFree(api, cno, "log-out (doc 4.2.8 offline_client)");
  try {
    await api.request("POST", "/cc/offline_client", { body: { cno }, idempotent: true });
  } catch (err) {
    if (!(err instanceof ClinkApiError && err.code === "OfflineFailure")) throw err;
  }
}
