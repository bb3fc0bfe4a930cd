/**
 * Values as the engine's event log carries them, and how the review writes them.
 *
 * The log masks every secret: a secret value is written as "[secret]" or as an object carrying
 * Pulumi's secret signature (`{ "4dabf18193072939515e22adb298388d": "1b47...", ciphertext:
 * "[secret]" }`). Neither form is ever printed. A preview writes values that are not known yet
 * (outputs of objects the same change creates) as the engine's unknown sentinel.
 */

/** Pulumi's secret signature key (sdk/go/common/resource/sig: Secret). */
export const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
/** The engine's unknown value (sdk/go/common/resource/plugin: UnknownStringValue). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Props = Record<string, unknown>;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** A value the log masks, or one that contains a masked value anywhere. */
export function isSecret(v: unknown): boolean {
  if (v === "[secret]") return true;
  if (Array.isArray(v)) return v.some(isSecret);
  if (isRecord(v)) return SECRET_SIGNATURE in v || Object.values(v).some(isSecret);
  return false;
}

export function isUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(isUnknown);
  if (isRecord(v)) return Object.values(v).some(isUnknown);
  return false;
}

/** Structural equality of JSON values; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

/** Markdown's active characters escaped, so a name or a note cannot format or link the comment. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~@]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/**
 * One value as the review prints it. `label` explains a code (`3 (blacklist, both)`); secrets
 * and unknowns never show their content.
 */
export function formatValue(v: unknown, label?: (code: unknown) => string | undefined): string {
  if (isSecret(v)) return "(secret)";
  if (v === UNKNOWN) return "(known after the change)";
  if (v === undefined || v === null) return "none";
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, label)).join(", ")}]`;
  if (isRecord(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${escapeMarkdown(k)}: ${formatValue(x)}`)
      .join(", ")}}`;
  const explained = label?.(v);
  const text = typeof v === "string" ? (v === "" ? '""' : escapeMarkdown(v)) : String(v);
  return explained !== undefined ? `${text} (${escapeMarkdown(explained)})` : text;
}
