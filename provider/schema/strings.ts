/**
 * Field builders for strings: digit codes, free text, area codes, phone numbers and passwords.
 * Each returns a zod schema whose error message says what is allowed and carries its descriptor
 * (provider/schema/descriptor.ts).
 */
import { z } from "zod";
import { described } from "./zod-internals";

/**
 * Codes the document types as Integer but that carry leading zeros ("0001"): strings to us.
 * A number is refused rather than converted, because 0001 written as a number is already 1.
 */
export function digits(minLength: number, maxLength: number, what: string): z.ZodType<string> {
  const len = minLength === maxLength ? `${minLength}` : `${minLength} to ${maxLength}`;
  const allowed = `a string of ${len} digits (${what}), quoted so leading zeros survive`;
  const schema = z
    .string({ error: `must be ${allowed}` })
    .regex(new RegExp(`^\\d{${minLength},${maxLength}}$`), { error: `must be ${allowed}` });
  return described(schema, { kind: "digits", minLength, maxLength, what });
}

/**
 * Queue numbers (队列号): doc 3.2.1 create_queue `qno` says 4 digits; the vendor SDK's
 * QueueDetailModel says "默认四位数字支持3-5位" (4 by default, 3 to 5 supported). A center holding a
 * 3- or 5-digit queue must be adoptable, exportable and referable: 3 to 5 digits everywhere a qno appears.
 */
export const queueNumber = (): z.ZodType<string> => digits(3, 5, "queue number, 队列号");

/** Free text with a maximum length counted in characters (the document counts characters). */
export function text(
  maxLength: number,
  options: { minLength?: number; pattern?: RegExp; patternText?: string } = {},
): z.ZodType<string> {
  const min = options.minLength ?? 1;
  const what = `${options.patternText ? `${options.patternText}, ` : ""}${min} to ${maxLength} characters`;
  let s = z
    .string({ error: `must be text of ${what}` })
    .refine((v) => [...v].length >= min && [...v].length <= maxLength, { error: `must be ${what}` });
  if (options.pattern) {
    const pattern = options.pattern;
    s = s.refine((v) => pattern.test(v), { error: `must be ${what}` });
  }
  return described(s, {
    kind: "text",
    minLength: min,
    maxLength,
    ...(options.patternText ? { patternText: options.patternText } : {}),
  });
}

/** Chinese characters, letters, digits and underscores: the document's usual name rule. */
export const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9_]+$/u;

/** Area codes (区号): 0 then 2-3 digits, e.g. "010", "0571". */
export const areaCode: z.ZodType<string> = described(
  z
    .string({ error: 'must be an area code (区号): "0" then 2-3 digits, e.g. "010"' })
    .regex(/^0\d{2,3}$/, { error: 'must be an area code (区号): "0" then 2-3 digits, e.g. "010"' }),
  { kind: "area code" },
);

/** The characters a server (or the document) puts in place of hidden digits. */
const MASK = /[xX*]/;

/**
 * A phone number as a program declares it: digits only. Doc 2.7 says the DOCUMENT masks numbers
 * ("152xxxx8888"); the API takes and stores real numbers, so a masked value is never a declaration
 * (it would bind, list or show a number nobody has). The refusal says so, rather than "digits".
 */
export function telNumber(minLength: number, maxLength: number, what: string): z.ZodType<string> {
  const allowed = `${what}: ${minLength} to ${maxLength} digits`;
  const schema = z
    .string({ error: `must be ${allowed}` })
    .refine((v) => !MASK.test(v), {
      error:
        `must be ${allowed}; it is masked (x, X or *): the vendor document masks numbers in its examples ` +
        "(doc 2.7), the API never does, so declare the full number",
    })
    .refine((v) => new RegExp(`^\\d{${minLength},${maxLength}}$`).test(v), { error: `must be ${allowed}` });
  return described(schema, { kind: "phone number", minLength, maxLength, what });
}

/** True when the text holds a number mask (x, X or *), as the document and number hiding show numbers. */
export const isMasked = (value: string): boolean => MASK.test(value);

/**
 * A password: 1 to 32 characters. The document names no maximum (doc 3.1.1 `password`: the
 * enterprise's rule; 3.4.1: "参见企业配置"); 32 is the simulator's, so check and server agree
 * (docs/design.md). The enterprise's own rule (its minimum length) is checked by the server.
 */
export function password(maxLength = 32): z.ZodType<string> {
  const schema = z
    .string({ error: "must be text" })
    .refine((v) => v.length > 0 && [...v].length <= maxLength, { error: `must be 1 to ${maxLength} characters` });
  return described(schema, { kind: "password", minLength: 1, maxLength });
}

// ---------------------------------------------------------------------------------------------
// Masked numbers. The document's example answers show phone numbers with digits replaced by
// `x` (doc 3.1.10 list_client_tels "152xxxx8888", 3.5.8 "138xxxx8888"); a server with number
// hiding (号码隐藏) answers so. A masked answer is the declared number when every shown digit
// matches: the form of a value never shows as drift.
// ---------------------------------------------------------------------------------------------

/** True when `shown` (digits with x/X/* masks) could be `declared`. */
export function masks(shown: string, declared: string): boolean {
  if (!MASK.test(shown) || shown.length !== declared.length) return false;
  return [...shown].every((c, i) => MASK.test(c) || c === declared[i]);
}

/** mergeApi for a number field: a masked answer that fits the previous declaration is that declaration. */
export function unmaskNumber(value: unknown, previous: unknown): unknown {
  return typeof value === "string" && typeof previous === "string" && masks(value, previous) ? previous : value;
}
