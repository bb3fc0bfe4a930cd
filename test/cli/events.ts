/**
 * Hand-built engine events, shaped as `pulumi preview --event-log` writes them (and as the
 * Automation API's onEvent hands them over): step metadata with the old and new checked inputs,
 * secrets masked the way the engine masks them.
 */
type Props = Record<string, unknown>;

/** How the engine writes a secret value in an event. */
export const MASKED = {
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: "[secret]",
};

const TYPE = (kind: string) => `pulumi-nodejs:dynamic/clink:${kind}`;
const URN = (kind: string, name: string) => `urn:pulumi:dev::center::${TYPE(kind)}::${name}`;

let sequence = 0;

function event(kind: "resourcePreEvent" | "resOutputsEvent", metadata: Props): string {
  return JSON.stringify({ sequence: sequence++, timestamp: 1760000000, [kind]: { metadata } });
}

const state = (kind: string, name: string, inputs: Props, outputs?: Props) => ({
  type: TYPE(kind),
  urn: URN(kind, name),
  custom: true,
  id: "",
  inputs: { __provider: "exports.handler = __f0;", ...inputs },
  outputs: outputs ?? { __claim: "7c1b", __declared: Object.keys(inputs), adopted: false, ...inputs },
});

/** The events of one step: its resourcePreEvent and resOutputsEvent. */
export function step(
  op: string,
  kind: string,
  name: string,
  old: Props | undefined,
  now: Props | undefined,
  extra: { keys?: string[]; oldOutputs?: Props } = {},
): string[] {
  const metadata = {
    op,
    urn: URN(kind, name),
    type: TYPE(kind),
    old: old ? state(kind, name, old, extra.oldOutputs) : null,
    new: now ? state(kind, name, now) : null,
    ...(extra.keys ? { keys: extra.keys } : {}),
    detailedDiff: null,
    provider: "urn:pulumi:dev::center::pulumi:providers:pulumi-nodejs::default::1",
  };
  return [event("resourcePreEvent", metadata), event("resOutputsEvent", metadata)];
}

/** A replacement as the engine reports it: create-replacement, replace, delete-replaced. */
export function replacement(kind: string, name: string, old: Props, now: Props, keys: string[]): string[] {
  return [
    ...step("create-replacement", kind, name, old, now, { keys }),
    ...step("replace", kind, name, old, now, { keys }),
    ...step("delete-replaced", kind, name, old, undefined),
  ];
}

export const same = (kind: string, name: string, inputs: Props, oldOutputs?: Props) =>
  step("same", kind, name, inputs, inputs, { oldOutputs });

export function prelude(): string {
  return JSON.stringify({ sequence: sequence++, preludeEvent: { config: { "clink:accessKeySecret": "[secret]" } } });
}

export function diagnostic(severity: string, message: string): string {
  return JSON.stringify({ sequence: sequence++, diagnosticEvent: { prefix: `${severity}: `, message, severity } });
}

export function summary(result = "succeeded", isPreview = true): string {
  return JSON.stringify({ sequence: sequence++, summaryEvent: { result, isPreview, resourceChanges: {} } });
}

export const log = (...parts: (string | string[])[]) => parts.flat().join("\n") + "\n";

/** An agent's checked inputs (defaults filled, as check leaves them). */
export function agent(cno: string, name: string, more: Props = {}): Props {
  return {
    cno,
    name,
    areaCode: "010",
    password: MASKED,
    role: 0,
    active: 1,
    hiddenTel: 0,
    wrapupTime: 30,
    clidType: 0,
    clidRule: 1,
    assignType: 0,
    permission: {
      asr: 0,
      call: 1,
      cdr: 1,
      sms: 0,
      record: 3,
      chat: 0,
      transfer: 1,
      otherData: 2,
      taskInventory: 1,
    },
    type: 2,
    wechatMiniProgramRtc: 0,
    obClidDefaultType: 0,
    pauseLogin: 1,
    ...more,
  };
}

/** A queue's checked inputs; `members` keyed by cno as check keeps them. */
export function queue(qno: string, name: string, more: Props = {}): Props {
  return {
    qno,
    name,
    maxWait: 5,
    memberTimeout: 25,
    queueTimeout: 600,
    strategy: 2,
    weight: 1,
    wrapupTime: 15,
    serviceLevel: 15,
    joinEmpty: 0,
    ibAllowed: 1,
    sayCno: 0,
    vipSupport: 0,
    maxPauseClientFlag: 0,
    maxPauseClientType: 0,
    maxPauseClientValue: 0,
    chatStrategy: 2,
    chatMaxWait: 20,
    chatLocation: 10,
    ...more,
  };
}
