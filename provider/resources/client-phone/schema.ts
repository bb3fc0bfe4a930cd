/**
 * ClientPhone: which phone an agent answers on (座席绑定电话), doc 3.1.7 bind_client_tel, 3.1.8
 * unbind_client_tel, 3.1.5 describe_client's bindTel/telType. An agent has one bound phone, so the
 * id is the agent number (cno); changing the phone rebinds in place.
 */
import { z } from "zod";
import { described, digits, flag, isMasked, unmaskNumber, type Failure, type ResourceSchema } from "../../schema/core";

/** Doc 3.1.7 bind_client_tel errors (ClientTelVerification): a landline (0 and 9-11 digits), a mobile, or a phone (Exten, 3-6 digits, doc 3.4.1). */
const PHONE = /^(1[3-9]\d{9}|0\d{9,11}|\d{3,6})$/;
/** Doc 3.1.7: "仅绑定电话为手机号类型时isReserveTel生效" (the reserve phone is a mobile). */
export const MOBILE = /^1[3-9]\d{9}$/;
const TEL_ALLOWED =
  "a mobile (11 digits, 1 then 3-9), a landline with its area code (0 then 9-11 digits) or an Exten number (3-6 digits)";

/** The phone as declared: one of the shapes bind_client_tel takes, never a mask (doc 2.7). */
const tel = described<string>(
  z
    .string({ error: `must be ${TEL_ALLOWED}` })
    .refine((v) => !isMasked(v), {
      error:
        `must be ${TEL_ALLOWED}; it is masked (x, X or *): the vendor document masks numbers in its examples (doc 2.7), ` +
        "the API never does, so declare the full number",
    })
    .refine((v) => PHONE.test(v), { error: `must be ${TEL_ALLOWED}` }),
  { kind: "pattern", patternText: `${TEL_ALLOWED}, never masked` },
);

export const clientPhoneSchema: ResourceSchema = {
  type: "ClientPhone",
  vendorTerm: "座席绑定电话",
  noun: "phone binding",
  idFields: ["cno"],
  // An agent has one bound phone (3.1.7), and a phone is bound to one agent (ClientTelIsBind).
  uniqueKeys: [["cno"], ["tel"]],
  oneObjectHint: "An agent has one bound phone, and a phone one agent.",
  options: {
    forceOfflineOnDelete:
      "When unbinding is refused because the agent is logged in (ClientOnline, doc 3.1.8), log the agent out first (offline_client, doc 4.2.8). Inherited from the agent's Client that sets it. Off by default.",
  },
  fields: {
    cno: {
      schema: digits(4, 11, "agent number, 座席号"),
      label: "The agent",
      term: "座席号",
      doc: "Changing it moves the binding to another agent (replacement).",
      lifecycle: "identity",
      required: true,
    },
    tel: {
      // Declared in full; the server may show it masked (doc 3.1.10 example "152xxxx8888"): mergeApi.
      schema: tel,
      label: "The phone",
      term: "电话号码",
      doc:
        "An Exten's number (IP phone or softphone), a mobile or a landline with area code. " +
        "Changing it rebinds the agent in place. Mobiles and landlines may need the interactive voice verification first (3.1.11/3.1.12).",
      lifecycle: "updatable",
      required: true,
      mergeApi: unmaskNumber,
      // Bound to one agent at a time (ClientTelIsBind, doc 3.1.7): moving it to another agent unbinds first.
      serverUnique: true,
    },
    isReserveTel: {
      schema: flag("no", "yes"),
      label: "Also the reserve phone",
      term: "是否同步为备用手机",
      doc:
        "The bound mobile is also the agent's reserve phone (doc 3.1.7). Mobiles only, and the enterprise's " +
        "reserve-phone feature must be on. Read back from describe_client's `reserveTel` (doc 3.1.5): 1 when it is this phone, else 0, " +
        "so a reserve phone changed elsewhere shows as drift. 1 to 0 is refused at preview: bind_client_tel's 0 only skips the copy, " +
        "and no endpoint clears a reserve phone.",
      lifecycle: "updatable",
    },
    telType: {
      schema: z.number(),
      label: "The bound phone's type",
      term: "电话类型",
      doc: "1 landline, 2 mobile, 3 IP phone, 4 softphone.",
      lifecycle: "computed",
    },
  },
  validate(inputs, known) {
    const failures: Failure[] = [];
    if (known("isReserveTel") && known("tel") && inputs.isReserveTel === 1 && !MOBILE.test(String(inputs.tel)))
      failures.push({
        property: "isReserveTel",
        reason:
          "isReserveTel 1 needs a mobile tel (11 digits): doc 3.1.7 bind_client_tel says the reserve-phone sync applies to mobiles only, " +
          "so the server would ignore it and every preview would show it again",
      });
    return failures;
  },
};
