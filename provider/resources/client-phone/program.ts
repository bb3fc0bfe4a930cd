/** Program-side rules of clink.ClientPhone: `forceOfflineOnDelete` is inherited from its agent (provider/program/force-offline.ts). */
import { inheritForceOffline } from "../../program/force-offline";
import type { ClientPhoneArgs } from "./resource";

export function prepare(args: ClientPhoneArgs): ClientPhoneArgs {
  return inheritForceOffline(args, [args.cno]);
}
