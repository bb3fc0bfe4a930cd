/**
 * The pack's rules: each resource folder's (provider/resources/<kind>/policy.ts, listed by its
 * catalog.ts), gathered from the generated catalog in the order docs/policy.md lists them.
 * policy/policies.ts hands them to @pulumi/policy; policy/rule.ts says what a rule is.
 */
import { catalog } from "../provider/resources/catalog";
import type { Rule } from "./rule";

export * from "./rule";
export { agentInAQueue, noRecordDownloadForAgents, wrapupTimeInRange } from "../provider/resources/client/policy";
export { defaultPauseDeclared } from "../provider/resources/pause/policy";
export { queueHasMembers } from "../provider/resources/queue/policy";
export {
  EMERGENCY_NUMBERS,
  emergencyNumberOf,
  noBlacklistedEmergencyNumbers,
  whitelistNeedsEntries,
} from "../provider/resources/restrict-tel/policy";

/** Every rule of the pack, in the order docs/policy.md lists them. */
export const rules: Rule[] = catalog.flatMap((k) => k.rules ?? []).sort((a, b) => a.order - b.order);
