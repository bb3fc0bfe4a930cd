/**
 * clink.Exten (话机, a phone): doc 3.4.1 create_exten, 3.4.2 update_exten, 3.4.3 delete_exten,
 * 3.4.5 describe_exten. Id: the phone number (extenNumber). Fields and their rules: schema/exten.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ClinkClient } from "../api";
import { extenSchema } from "../../schema/exten";
import type { Inputs } from "../../schema/ops";
import { makeProvider, readOrGone } from "./kit";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

export { ExtenType, ExtenCodec } from "../../schema/exten";

async function describeExten(api: ClinkClient, extenNumber: string): Promise<Inputs | undefined> {
  // describe_exten lists no error of its own (doc 3.4.5); an unknown number is ResourceNotFound.
  const answer = await readOrGone(() =>
    api.request<{ exten?: Inputs }>("GET", "/cc/describe_exten", { query: { extenNumber } }),
  );
  return answer?.exten;
}

export const extenProvider = makeProvider({
  schema: extenSchema,
  api: {
    async create(api, body) {
      const answer = await api.request<{ exten?: Inputs }>("POST", "/cc/create_exten", { body });
      return answer.exten;
    },
    read: (api, id) => describeExten(api, id),
    async update(api, _id, body) {
      const answer = await api.request<{ exten?: Inputs }>("POST", "/cc/update_exten", { body, idempotent: true });
      return answer.exten;
    },
    async delete(api, id) {
      await api.request("POST", "/cc/delete_exten", { body: { extenNumber: id }, idempotent: true });
    },
    // Doc 3.4.1 create_exten, error ParameterConflict: a taken number (话机号码重复).
    existsCodes: ["ParameterConflict"],
    hints: {
      UpperLimit:
        "The enterprise may have at most (phone agents + PC agents) x 3 phones " +
        "(doc 3.4.1 create_exten, error UpperLimit): delete unused phones or add agents first.",
      Registered:
        "The phone is registered (online), and a registered phone cannot change type " +
        "(doc 3.4.2 update_exten, error Registered): unregister it (power it off or log the softphone out), " +
        "then run the deployment again.",
      ExtenOnUsing:
        "An agent has this phone bound (doc 3.4.3 delete_exten, error ExtenOnUsing): unbind it from the agent " +
        "(or delete that binding in this program) first, then run the deployment again.",
    },
  },
});

export interface ExtenArgs {
  /** Phone number (话机号码): 3-6 digits as a string. Changing it replaces the phone. */
  extenNumber: pulumi.Input<string>;
  /**
   * SIP password (话机密码). Always stored as a Pulumi secret. Required to create a phone; with
   * `adopt: true` optional: the adopted phone keeps its own password unless one is declared.
   */
  password?: pulumi.Input<string>;
  /** Area code (话机区号), e.g. "010". */
  areaCode: pulumi.Input<string>;
  /** `ExtenType.IpPhone` (1) or `.Softphone` (2). Cannot change while the phone is registered. */
  type: pulumi.Input<number>;
  /** Codecs (语音编码), an `ExtenCodec`: IP phones 1-5, softphones 5-6. */
  allow: pulumi.Input<number>;
  /** Direct outbound calling from an IP phone (是否允许主叫外呼): 0 or 1. */
  isDirect?: pulumi.Input<number>;
  /** Jitter buffer (网络防抖): 0 or 1. @default 0 */
  jittBuffer?: pulumi.Input<number>;
  /** Take over a phone that already exists with this number instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

export class Exten extends pulumi.dynamic.Resource {
  declare readonly extenNumber: pulumi.Output<string>;
  /** Always undefined: a password is write-only and never kept in outputs (only a secret fingerprint). */
  declare readonly password: pulumi.Output<undefined>;
  declare readonly areaCode: pulumi.Output<string>;
  declare readonly type: pulumi.Output<number>;
  declare readonly allow: pulumi.Output<number>;
  declare readonly isDirect: pulumi.Output<number | undefined>;
  declare readonly jittBuffer: pulumi.Output<number>;
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: ExtenArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      serializableProvider("exten"),
      name,
      resourceProps(extenSchema, args, undefined, opts?.id ? undefined : `clink.Exten "${name}"`, opts),
      resourceOptions(extenSchema, opts),
      "clink",
      "Exten",
    );
  }

  /** Reads an existing phone by number without managing it. */
  static get(name: string, extenNumber: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Exten {
    return new Exten(name, {} as ExtenArgs, { ...opts, id: extenNumber });
  }
}
