/**
 * At most one default pause status per program (docs/pauses.md). The server keeps one default
 * (the simulator clears the others when one is set; the document's "默认状态" implies one), so
 * two pauses declared default would take the flag from each other on every apply. Each Pause
 * declaring `isDefault` registers here; the verdict reaches its provider's check, which refuses
 * both before any API call (the same gate as ownership.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { CONFLICT_INPUT, perRun } from "./ownership";

export const DEFAULT_PAUSE_INPUT = CONFLICT_INPUT;

export function claimDefaultPause(
  who: string,
  isDefault: pulumi.Input<number> | undefined,
): pulumi.Output<{ property: string; reason: string } | undefined> | undefined {
  if (isDefault === undefined) return undefined;
  const defaults = perRun("defaultPause", () => new Set<string>());
  if (isDefault === 1) defaults.add(who);
  return pulumi.output(isDefault).apply(async (v) => {
    if (Number(v) === 1) defaults.add(who);
    await new Promise((resolve) => setImmediate(resolve));
    if (Number(v) !== 1 || defaults.size < 2) return undefined;
    return {
      property: "isDefault",
      reason:
        `${[...defaults].join(" and ")} are all declared isDefault: 1, but a center has one default pause status: ` +
        `each apply would take the flag from the other. Declare isDefault: 1 on one of them only.`,
    };
  });
}
