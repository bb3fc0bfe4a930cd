/**
 * At most one default pause status per program (docs/pauses.md). The server keeps one default
 * (the simulator clears the others when one is set; the document's "默认状态" implies one), so
 * two pauses declared default would take the flag from each other on every apply. Each Pause
 * declaring `isDefault` registers here; the verdict reaches its provider's check, which refuses
 * both before any API call (provider/program/rules-gate.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import { judgeAfterProgramBody, perRun } from "../../program/rules-gate";
import type { PauseArgs } from "./resource";

export function verdict(who: string, args: PauseArgs): pulumi.Output<Failure | undefined> | undefined {
  const isDefault = args.isDefault;
  if (isDefault === undefined) return undefined;
  const defaults = perRun("defaultPause", () => new Set<string>());
  return judgeAfterProgramBody(
    isDefault,
    typeof isDefault === "number" ? isDefault : undefined,
    (v) => {
      if (Number(v) === 1) defaults.add(who);
    },
    (v) =>
      Number(v) !== 1 || defaults.size < 2
        ? undefined
        : {
            property: "isDefault",
            reason:
              `${[...defaults].join(" and ")} are all declared isDefault: 1, but a center has one default pause status: ` +
              `each apply would take the flag from the other. Declare isDefault: 1 on one of them only.`,
          },
  );
}
