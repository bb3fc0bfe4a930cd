/**
 * Exten (话机, a phone): doc 3.4.1 create_exten, 3.4.2 update_exten, 3.4.5 describe_exten.
 * Id: extenNumber.
 *
 * The password is never readable (doc 3.4.1: 话机密码保存后,接口不支持查看; describe answers "****").
 * A registered phone cannot change type (doc 3.4.2 update_exten, `type`): the server refuses with
 * Registered, and we say what to do.
 */
import { areaCode, codes, digits, flag, oneOf, password, type Failure, type ResourceSchema } from "../../schema/core";

/** Phone type (话机类型), doc 3.4.1 `type`. */
const typeCodes = codes("ExtenType", { IpPhone: [1, "IP phone"], Softphone: [2, "softphone"] });
export const ExtenType = typeCodes.values;

/** Voice codecs (语音编码), doc 3.4.1 `allow`. IP phones take 1-5, softphones 5-6; 1 is deprecated by the vendor (已弃用). */
const codecCodes = codes("ExtenCodec", {
  G729Deprecated: [1, "g729 (deprecated)"],
  G729AlawUlaw: [2, "g729,alaw,ulaw"],
  AlawUlawG729: [3, "alaw,ulaw,g729"],
  MyopusAlawUlawG729: [4, "myopus,alaw,ulaw,g729"],
  AlawUlaw: [5, "alaw,ulaw"],
  MyopusAlawUlaw: [6, "myopus,alaw,ulaw"],
});
export const ExtenCodec = codecCodes.values;

const CODECS_BY_TYPE: Record<number, number[]> = { 1: [1, 2, 3, 4, 5], 2: [5, 6] };

export const extenSchema: ResourceSchema = {
  type: "Exten",
  list: { path: "/cc/list_extens", key: "extens", keyField: "extenNumber" },
  vendorTerm: "话机",
  noun: "phone",
  idFields: ["extenNumber"],
  fields: {
    extenNumber: {
      schema: digits(3, 6, "phone number, 话机号码"),
      label: "Phone number",
      term: "话机号码",
      doc:
        "Unique. Identity: it cannot be changed " +
        "(doc 3.4.2 update_exten: 话机号码唯一,不可修改); a change replaces the phone.",
      lifecycle: "identity",
      required: true,
    },
    password: {
      schema: password(),
      label: "Phone (SIP) password",
      term: "话机密码",
      doc: "A Pulumi secret; never readable (describe answers ****), so only a change of the declared value updates it. The enterprise's password rule (doc 3.4.1) is checked by the server.",
      lifecycle: "updatable",
      required: true,
      secret: true,
      writeOnly: true,
    },
    areaCode: {
      schema: areaCode,
      label: "Area code of the phone",
      term: "话机区号",
      doc: "",
      lifecycle: "updatable",
      required: true,
    },
    type: {
      schema: oneOf(typeCodes),
      label: "Phone type",
      term: "话机类型",
      doc: "Updatable while the phone is not registered (the server refuses with Registered).",
      lifecycle: "updatable",
      required: true,
    },
    allow: {
      schema: oneOf(codecCodes),
      label: "Voice codecs",
      term: "语音编码",
      doc: "IP phones take 1-5, softphones 5-6.",
      lifecycle: "updatable",
      required: true,
    },
    isDirect: {
      schema: flag("no", "yes"),
      label: "Call out directly from the IP phone",
      term: "是否允许主叫外呼",
      doc: "IP phones only, and the enterprise switch must be on.",
      lifecycle: "updatable",
    },
    jittBuffer: {
      schema: flag("off", "on"),
      label: "Jitter buffer",
      term: "网络防抖",
      doc: "",
      lifecycle: "updatable",
      default: 0,
      // Doc 3.4.1/3.4.2 `jittBuffer`: turned on, the codec defaults to 5: the declared codec goes along.
      sendWith: ["allow"],
    },
  },
  validate(inputs, known) {
    const failures: Failure[] = [];
    if (known("type") && known("allow")) {
      const allowed = CODECS_BY_TYPE[inputs.type as number] ?? [];
      if (!allowed.includes(inputs.allow as number))
        failures.push({
          property: "allow",
          reason: `allow ${String(inputs.allow)} is not a codec for ${inputs.type === 1 ? "an IP phone (1-5)" : "a softphone (5 or 6)"}, doc 3.4.1 create_exten, \`allow\``,
        });
    }
    if (known("type") && known("isDirect") && inputs.isDirect === 1 && inputs.type !== 1)
      failures.push({
        property: "isDirect",
        reason: "isDirect (direct outbound calling) is for IP phones (type 1) only, doc 3.4.1 `isDirect`",
      });
    return failures;
  },
};
