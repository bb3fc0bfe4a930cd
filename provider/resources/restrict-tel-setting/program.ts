/**
 * Program-side form of clink.RestrictTelSetting: besides the document's `settingValue` 0-6
 * (doc 3.7.4/3.7.5), the switch can be declared by what it means, `mode` and `direction`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../../schema/core";
import type { RestrictTelSettingFields } from "./resource";

/** The typed form: which list, for which direction. */
export type RestrictMode = "off" | "blacklist" | "whitelist";
export type RestrictScope = "inbound" | "outbound" | "both";

export type RestrictTelSettingArgs =
  | RestrictTelSettingFields
  | (Omit<RestrictTelSettingFields, "settingValue"> & {
      /** "off", "blacklist" or "whitelist". */
      mode: pulumi.Input<RestrictMode>;
      /** With a list: "inbound", "outbound" or "both". */
      direction?: pulumi.Input<RestrictScope>;
    });

/** Maps the typed form onto doc 3.7.4/3.7.5 `settingValue` 0-6; undefined when the pair is not valid. */
export function settingValueOf(mode: RestrictMode, direction?: RestrictScope): number | undefined {
  if (mode === "off") return direction === undefined ? 0 : undefined;
  const base = mode === "blacklist" ? 0 : mode === "whitelist" ? 3 : NaN;
  const step = direction === "inbound" ? 1 : direction === "outbound" ? 2 : direction === "both" ? 3 : NaN;
  const v = base + step;
  return Number.isNaN(v) ? undefined : v;
}

const typedValue = (args: RestrictTelSettingArgs) =>
  "mode" in args ? pulumi.all([args.mode, args.direction]).apply(([m, d]) => settingValueOf(m, d)) : undefined;

export function prepare(args: RestrictTelSettingArgs): object {
  const { mode: _mode, direction: _direction, ...rest } = args as Record<string, unknown>;
  const mapped = typedValue(args);
  return mapped === undefined ? rest : { ...rest, settingValue: mapped };
}

/**
 * A bad typed form reaches check as a failure (never a thrown error in the program, which would
 * leave an inline program hanging when it happens inside an Output).
 */
export function verdict(_who: string, args: RestrictTelSettingArgs): pulumi.Input<Failure | undefined> | undefined {
  if ("mode" in args && "settingValue" in args)
    return { property: "mode", reason: "declare either settingValue or mode/direction, not both" };
  return typedValue(args)?.apply((v) =>
    v === undefined
      ? {
          property: "mode",
          reason:
            'mode must be "off" (without direction), or "blacklist"/"whitelist" with direction "inbound", "outbound" or "both"',
        }
      : undefined,
  );
}
