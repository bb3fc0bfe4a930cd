/**
 * ClientPhone: which phone an agent answers on (座席绑定电话), doc 3.1.7 bind_client_tel, 3.1.8
 * unbind_client_tel, 3.1.5 describe_client's bindTel/telType. An agent has one bound phone, so the
 * id is the agent number (cno); changing the phone rebinds in place.
 */
import { z } from "zod";
import { digits, flag, text, unmaskNumber, type ResourceSchema } from "../../schema/core";

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
      doc: "The agent (座席号), 4-11 digits as a string. Changing it moves the binding to another agent (replacement).",
      lifecycle: "identity",
      required: true,
    },
    tel: {
      // Digits; x/X/* only as the server masks a number it shows (doc 3.1.10 example "152xxxx8888").
      schema: text(20, { pattern: /^\d[\dxX*]*$/, patternText: "digits" }),
      doc:
        "The phone (电话号码): an Exten's number (IP phone or softphone), a mobile or a landline with area code. " +
        "Changing it rebinds the agent in place. Mobiles and landlines may need the interactive voice verification first (3.1.11/3.1.12).",
      lifecycle: "updatable",
      required: true,
      mergeApi: unmaskNumber,
      // Bound to one agent at a time (ClientTelIsBind, doc 3.1.7): moving it to another agent unbinds first.
      serverUnique: true,
    },
    isReserveTel: {
      schema: flag("no", "yes"),
      doc: "Also make the mobile the agent's reserve phone (是否同步为备用手机); mobiles only, and the reserve-phone feature must be on.",
      lifecycle: "updatable",
      api: { read: false },
    },
    telType: {
      schema: z.number(),
      doc: "The bound phone's type (电话类型): 1 landline, 2 mobile, 3 IP phone, 4 softphone.",
      lifecycle: "computed",
    },
  },
};
