/**
 * The policy pack's rules about black and white lists (黑白名单, doc 3.7; docs/policy.md).
 */
import { intOf, textOf, Unknown, valueOf, who, type ClinkResource, type Maybe } from "../../../policy/read";
import {
  constantOf,
  ofType,
  settle,
  stringsConfig,
  type ResourceRule,
  type StackRule,
  type Violation,
} from "../../../policy/rule";
import { RestrictTelSettingValue } from "../restrict-tel-setting/schema";
import { settingValueOf, type RestrictMode, type RestrictScope } from "../restrict-tel-setting/program";
import { RestrictDirection, RestrictTelType, RestrictType } from "./schema";

// ---------------------------------------------------------------------------------------------
// Black and white lists (黑白名单, doc 3.7)
// ---------------------------------------------------------------------------------------------

/** Directions (doc 3.7.2 `type`) each whitelist setting (doc 3.7.4/3.7.5 `settingValue`) restricts to the list. */
const WHITELIST_DIRECTIONS: Record<number, number[]> = {
  [RestrictTelSettingValue.WhitelistInbound]: [RestrictDirection.Inbound],
  [RestrictTelSettingValue.WhitelistOutbound]: [RestrictDirection.Outbound],
  [RestrictTelSettingValue.WhitelistBoth]: [RestrictDirection.Inbound, RestrictDirection.Outbound],
};
const directionWord = (d: number) => (d === RestrictDirection.Inbound ? "inbound" : "outbound");

/** The switch's value: `settingValue`, or the typed `mode`/`direction` if a form of them reaches the pack. */
function settingOf(r: ClinkResource): Maybe<number | undefined> {
  const raw = intOf(r, "settingValue");
  if (raw !== undefined) return raw;
  const mode = r.props.mode;
  const direction = r.props.direction;
  if (mode === undefined) return undefined;
  if (typeof mode !== "string" || (direction !== undefined && typeof direction !== "string")) return Unknown;
  return settingValueOf(mode as RestrictMode, direction as RestrictScope | undefined);
}

/** The directions a list entry covers (doc 3.7.2 `type`: 1, 2, or both as [1, 2]); `Unknown` when not known. */
function directionsOf(r: ClinkResource): Maybe<number[]> {
  const v = valueOf(r, "type");
  if (v === Unknown) return Unknown;
  const list = Array.isArray(v) ? v : [v];
  const out = list.map(settle);
  return out.every((d): d is number => typeof d === "number") ? out : Unknown;
}

export const whitelistNeedsEntries: StackRule = {
  order: 10,
  kind: "stack",
  name: "whitelist-needs-entries",
  description:
    "A whitelist-only switch (RestrictTelSetting settingValue 4, 5 or 6) needs whitelist entries (RestrictTel restrictType 2) " +
    "for each direction it restricts: otherwise every call in that direction is refused.",
  enforcementLevel: "mandatory",
  config: {},
  check(resources) {
    const out: Violation[] = [];
    const entries = ofType(resources, "RestrictTel");
    for (const setting of ofType(resources, "RestrictTelSetting")) {
      const value = settingOf(setting);
      if (value === Unknown || value === undefined) continue;
      const directions = WHITELIST_DIRECTIONS[value];
      if (!directions) continue;
      const missing = directions.filter(
        (d) =>
          !entries.some((e) => {
            const list = intOf(e, "restrictType");
            if (list !== Unknown && list !== RestrictType.Whitelist) return false;
            const dirs = directionsOf(e);
            return dirs === Unknown || dirs.includes(d);
          }),
      );
      if (missing.length === 0) continue;
      const dirs = missing.map(directionWord).join(" and ");
      const whitelist = constantOf("RestrictTel", "restrictType", RestrictType, RestrictType.Whitelist);
      // `type` takes one direction or a list of them: its schema is a union, without the codes' name.
      const dir = (d: number) => constantOf("RestrictTel", "type", RestrictDirection, d, "RestrictDirection");
      const [only] = missing;
      const direction = missing.length === 1 && only !== undefined ? dir(only) : `[${missing.map(dir).join(", ")}]`;
      const number = constantOf("RestrictTel", "telType", RestrictTelType, RestrictTelType.Number);
      out.push({
        urn: setting.urn,
        message:
          `${who(setting)} turns on whitelist-only mode for ${dirs} calls (settingValue ${value}, doc 3.7.4/3.7.5), ` +
          `but this stack declares no whitelist entry for ${dirs} calls: the center would refuse every ${dirs} call. ` +
          `Declare the numbers that may ${missing.length === 2 ? "call" : missing[0] === RestrictDirection.Inbound ? "call in" : "be called"} first ` +
          `(new clink.RestrictTel("...", { restrictType: ${whitelist}, type: ${direction}, telType: ${number}, tel: "..." })), ` +
          `or switch to the blacklist (mode: "blacklist") or off. Entries the center already has are taken over with adopt: true; ` +
          `if the whitelist is kept outside this stack, set this policy to advisory or disabled in the stack's policy pack config.`,
      });
    }
    return out;
  },
};

/**
 * China's emergency numbers (紧急呼叫号码): police 110, fire 119, ambulance 120, traffic accidents
 * 122. The vendor document's list section (3.7.1-3.7.5) names no number that may not be listed,
 * and no other section lists any; more (e.g. 12395 maritime rescue, 999 Red Cross ambulance) are
 * added with the rule's `additionalNumbers`.
 */
export const EMERGENCY_NUMBERS: Record<string, string> = {
  "110": "police (匪警)",
  "119": "fire (火警)",
  "120": "ambulance (急救)",
  "122": "traffic accidents (交通事故报警)",
};

/**
 * The emergency number a listed number reaches, if any: the number itself, after an area code
 * ("010110" — an area code and three digits is never a landline), or after China's country code
 * ("+86 110", "0086110", "8610110").
 */
export function emergencyNumberOf(tel: string, numbers: string[]): string | undefined {
  const s = tel.replace(/[\s\-()]/g, "");
  const national = s.replace(/^(\+86|0086|86)/, "");
  const hasCountryCode = national !== s;
  return numbers.find(
    (n) =>
      s === n ||
      new RegExp(`^0\\d{2,3}${n}$`).test(s) ||
      (hasCountryCode && (national === n || new RegExp(`^0?\\d{2,3}${n}$`).test(national))),
  );
}

export const noBlacklistedEmergencyNumbers: ResourceRule = {
  order: 20,
  kind: "resource",
  types: ["RestrictTel"],
  name: "no-blacklisted-emergency-numbers",
  description:
    "No blacklist entry (RestrictTel restrictType 1) for an emergency or public-service number (110, 119, 120, 122 and the configured additionalNumbers).",
  enforcementLevel: "mandatory",
  config: {
    additionalNumbers: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "More numbers that must never be blacklisted, besides 110, 119, 120 and 122 (e.g. 12395, 999).",
    },
  },
  check(r, config) {
    if (intOf(r, "restrictType") !== RestrictType.Blacklist) return [];
    const telType = intOf(r, "telType");
    if (telType !== Unknown && telType !== RestrictTelType.Number) return [];
    const tel = textOf(r, "tel");
    if (tel === Unknown || tel === undefined) return [];
    const extra = stringsConfig(config, "additionalNumbers");
    const hit = emergencyNumberOf(tel, [...Object.keys(EMERGENCY_NUMBERS), ...extra]);
    if (hit === undefined) return [];
    const dirs = directionsOf(r);
    const blocked =
      dirs === Unknown
        ? "calls with it"
        : dirs
            .map((d) =>
              d === RestrictDirection.Inbound ? "its calls into the center (a call-back)" : "agents' calls to it",
            )
            .join(" and ");
    const what = EMERGENCY_NUMBERS[hit] ?? "a public service (this policy's additionalNumbers)";
    return [
      `${who(r)} blacklists ${tel}, the emergency number ${hit} for ${what}: the center would refuse ${blocked}. ` +
        `Remove this RestrictTel: an emergency number is never to be blocked, in either direction.`,
    ];
  },
};
