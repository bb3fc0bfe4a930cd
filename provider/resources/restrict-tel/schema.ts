/**
 * RestrictTel (黑白名单, a black- or white-list entry): doc 3.7.1 list_restrict_tel, 3.7.2
 * create_restrict_tel, 3.7.3 delete_restrict_tel. There is no update endpoint: every change
 * replaces the entry, delete first because the key survives.
 *
 * One resource is one number on one list, in one or both directions: delete takes only the list
 * and the number (doc 3.7.3, `restrictType` and `tel`) and so removes every direction at once.
 * Id `restrictType:tel`.
 */
import { z } from "zod";
import { codes, described, flag, isMasked, oneOf, text, type Failure, type ResourceSchema } from "../../schema/core";

/** List kind (呼叫限制类型), doc 3.7.2 create_restrict_tel, `restrictType`. */
const restrictTypeCodes = codes("RestrictType", {
  Blacklist: [1, "blacklist", "黑名单"],
  Whitelist: [2, "whitelist", "白名单"],
});
export const RestrictType = restrictTypeCodes.values;
/** Direction (类型), doc 3.7.2 `type`. */
const directionCodes = codes("RestrictDirection", { Inbound: [1, "inbound"], Outbound: [2, "outbound"] });
export const RestrictDirection = directionCodes.values;
/** Number kind (电话号码类型), doc 3.7.2 `telType`. */
const telTypeCodes = codes("RestrictTelType", {
  Number: [1, "phone number", "电话号码"],
  AreaCode: [2, "area code", "城市区号"],
  Unknown: [3, "unknown number", "未知号码"],
});
export const RestrictTelType = telTypeCodes.values;

const direction = oneOf(directionCodes);
/** 1, 2, or both as [1, 2]: settled to a sorted list. */
const directions = z
  .union([direction.transform((d) => [d]), z.array(direction).min(1).max(2)], {
    error: "must be 1 (inbound), 2 (outbound), or [1, 2] for both",
  })
  .transform((l) => [...new Set(l)].sort());

/** "yyyy-MM-dd" in China time; the server answers epoch milliseconds (doc 3.7.2 answer example, `expirationTime`). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function epochToShanghaiDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The list answers epoch milliseconds (doc 3.7.1 example) or null for "permanent"; the vendor
 * SDK's model carries epoch milliseconds too; a "yyyy-MM-dd[ HH:mm:ss]" string (a Java Date
 * written as text, China time) is read as its date.
 */
function expiryFromApi(v: unknown): unknown {
  if (typeof v === "number") return epochToShanghaiDay(v);
  if (typeof v === "string" && /^\d{10,}$/.test(v)) return epochToShanghaiDay(Number(v));
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return v === "" ? undefined : v;
}

export const restrictTelSchema: ResourceSchema = {
  type: "RestrictTel",
  list: { path: "/cc/list_restrict_tel", key: ["restrictTels", "list"] },
  vendorTerm: "黑白名单",
  noun: "list entry",
  idFields: ["restrictType", "tel"],
  oneObjectHint: "To list a number in both directions, declare one RestrictTel with type: [1, 2].",
  fields: {
    restrictType: {
      schema: oneOf(restrictTypeCodes),
      label: "List kind",
      term: "呼叫限制类型",
      doc: "A change replaces the entry.",
      lifecycle: "identity",
      required: true,
    },
    tel: {
      serverUnique: true,
      schema: text(64),
      label: "The number",
      term: "电话号码",
      doc: 'A phone number for telType 1, an area code such as "010" for 2, "未知号码" for 3. A change replaces the entry.',
      lifecycle: "identity",
      required: true,
    },
    type: {
      schema: directions,
      outputType: "RestrictDirection[]",
      label: "Direction",
      term: "类型",
      doc: "Both as [1, 2] (one create per direction). A change replaces the entry.",
      lifecycle: "replace",
      required: true,
    },
    telType: {
      schema: oneOf(telTypeCodes),
      label: "Number kind",
      term: "电话号码类型",
      doc: "3 means unknown (hidden) numbers. A change replaces the entry.",
      lifecycle: "replace",
      required: true,
    },
    description: {
      schema: text(100),
      label: "Note",
      term: "备注",
      doc: "A change replaces the entry (there is no update endpoint).",
      lifecycle: "replace",
    },
    expirationTime: {
      schema: described<string>(z.string().regex(DAY, { error: 'must be a date "yyyy-MM-dd" (China time)' }), {
        kind: "pattern",
        patternText: 'a date "yyyy-MM-dd" (China time)',
      }),
      label: "Expiry date",
      term: "到期时间",
      doc: '"yyyy-MM-dd", China time; absent means permanent. The server answers epoch milliseconds, compared as the Asia/Shanghai date.',
      lifecycle: "replace",
      fromApi: expiryFromApi,
    },
    encrypt: {
      schema: flag("plain", "encrypted"),
      label: "The number is sent encrypted",
      term: "是否对电话号码进行加密",
      doc: "1 (AES, encryptType 1) is refused at preview: the document names no key for it (docs/design.md).",
      lifecycle: "replace",
      default: 0,
      api: { read: false },
    },
    encryptType: {
      schema: oneOf({ 1: "AES" }),
      label: "Encryption",
      term: "电话号码加密类型",
      doc: "",
      lifecycle: "replace",
      default: 1,
      api: { read: false },
    },
    createTime: {
      schema: z.number(),
      label: "Created",
      term: "创建时间",
      doc: "When the entry was created (epoch ms).",
      lifecycle: "computed",
    },
  },
  validate(inputs, known) {
    const failures: Failure[] = [];
    if (known("encrypt") && inputs.encrypt === 1)
      return [
        {
          property: "encrypt",
          reason:
            "encrypt: 1 is not supported. Doc 3.7.2 says the number may be sent AES-encrypted (encryptType 1) but names no key or encoding, " +
            "and the vendor SDK never encrypts a list number (its EncryptUtil.aesEncrypt has no documented key for this endpoint): " +
            "declare the plain number with encrypt 0 (the default).",
        },
      ];
    if (!known("tel") || !known("telType")) return failures;
    const tel = String(inputs.tel);
    const ok =
      inputs.telType === 1
        ? /^\d{3,12}$/.test(tel)
        : inputs.telType === 2
          ? /^0\d{2,3}$/.test(tel)
          : tel === "未知号码";
    if (!ok)
      failures.push({
        property: "tel",
        reason:
          inputs.telType === 1
            ? isMasked(tel)
              ? "tel is masked (x, X or *): the vendor document masks numbers in its examples (doc 2.7), the API never does; declare the full number (3 to 12 digits)"
              : "tel must be a phone number of 3 to 12 digits when telType is 1 (a mobile has 11, a landline with its area code at most 12)"
            : inputs.telType === 2
              ? 'tel must be an area code ("0" then 2-3 digits) when telType is 2'
              : 'tel must be "未知号码" when telType is 3 (unknown numbers), ' +
                "see the delete example in doc 3.7.3 delete_restrict_tel",
      });
    if (known("expirationTime") && typeof inputs.expirationTime === "string") {
      const t = Date.parse(`${inputs.expirationTime}T00:00:00+08:00`);
      if (Number.isNaN(t) || epochToShanghaiDay(t) !== inputs.expirationTime)
        failures.push({ property: "expirationTime", reason: "expirationTime is not a real date" });
    }
    return failures;
  },
};
