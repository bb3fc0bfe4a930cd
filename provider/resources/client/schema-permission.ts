/**
 * An agent's permissions (doc 3.1.1 permission 对象, 3.1.2, 3.1.5): ten switches, each managed on
 * its own (`partialKeys`). Part of the Client schema (./schema.ts).
 */
import { z } from "zod";
import { codes, oneOf, type Codes, type FieldSpec } from "../../schema/core";

/**
 * Recording playback/download permission (录音试听下载权限), `permission.recordDownload`. The update
 * table (doc 3.1.2), the describe table (doc 3.1.5) and the vendor SDK's ClientPermission agree:
 * 1 listen only (试听), 2 listen and download (试听下载). The create table (doc 3.1.1) reads 1 as
 * listen-and-download and 2 as listen: three sources against one (docs/design.md, document vs SDK).
 */
const recordDownloadCodes = codes("RecordDownload", {
  Off: [0, "off"],
  Listen: [1, "listen only (试听)"],
  ListenAndDownload: [2, "listen and download (试听下载)"],
});
export const RecordDownload = recordDownloadCodes.values;

/**
 * The permission keys, each with the server's documented default (`dflt`, doc 3.1.1 permission 对象):
 * for docs only, never sent (an undeclared key keeps the server's value).
 */
const PERMISSION_FIELDS: Record<
  string,
  { labels: Record<number, string>; codes?: Codes; dflt: number | undefined; label: string; term: string }
> = {
  asr: {
    labels: { 0: "off", 1: "inbound", 2: "outbound", 3: "all" },
    dflt: 0,
    label: "speech-to-text",
    term: "语音转写",
  },
  call: {
    labels: { 0: "off", 1: "unrestricted", 2: "domestic long distance", 3: "domestic local" },
    dflt: 1,
    label: "outbound calling",
    term: "外呼权限",
  },
  cdr: {
    labels: { 1: "all", 2: "own queues", 3: "own calls" },
    dflt: 1,
    label: "call records visible",
    term: "通话记录查看权限",
  },
  recordDownload: {
    labels: recordDownloadCodes.labels,
    codes: recordDownloadCodes,
    // The default is as unsettled as the codes: doc 3.1.1 says "默认值 1" and labels 1 listen and
    // download; the vendor SDK's ClientPermission says 默认试听下载 (2 in its codes). No default is
    // named here: it is never sent, and the exporter always declares the server's value.
    dflt: undefined,
    label: "recording playback/download",
    term: "录音试听下载权限",
  },
  sms: { labels: { 0: "off", 1: "on" }, dflt: 0, label: "sending SMS", term: "短信发送权限" },
  record: {
    labels: { 0: "off", 1: "inbound", 2: "outbound", 3: "all" },
    dflt: 3,
    label: "call recording",
    term: "通话录音权限",
  },
  chat: {
    labels: { 0: "all", 1: "own queues", 2: "own chats" },
    dflt: 0,
    label: "chat history visible",
    term: "在线客服查看会话记录权限",
  },
  transfer: {
    labels: { 0: "all", 1: "own staff group" },
    dflt: 1,
    label: "transfer/consult targets",
    term: "通话转移/咨询权限",
  },
  otherData: {
    labels: { 1: "all", 2: "own staff group", 3: "own", 4: "chosen staff groups" },
    dflt: 2,
    label: "other data visible",
    term: "其他数据查看权限",
  },
  taskInventory: { labels: { 1: "all", 3: "own" }, dflt: 1, label: "outbound tasks visible", term: "外呼任务查看权限" },
};

/** Permissions (doc 3.1.1 permission 对象): only the declared keys, each managed on its own. */
const permissionSchema = z
  .object(
    Object.fromEntries(
      Object.entries(PERMISSION_FIELDS).map(([k, f]) => [
        k,
        oneOf(f.codes ?? f.labels)
          .optional()
          .meta({
            label: f.label,
            term: f.term,
            description:
              `${f.label.charAt(0).toUpperCase()}${f.label.slice(1)} (${f.term}): ` +
              `${Object.entries(f.labels)
                .map(([v, l]) => `${v} ${l}`)
                .join(", ")}. Server default ${f.dflt ?? "unsettled (docs/design.md)"}.`,
          }),
      ]),
    ),
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has no key ${(issue.keys as string[]).map((k) => `'${k}'`).join(", ")}; the permission keys are ${Object.keys(PERMISSION_FIELDS).join(", ")}`
          : "must be an object of permission switches",
    },
  )
  .strict()
  .meta({ clinkType: "Permission" })
  .transform((p) => withoutNulls(p as Record<string, unknown>));

export function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** The `permission` field of the Client schema. */
export const permissionField: FieldSpec = {
  schema: permissionSchema,
  outputType: "Required<Permission>",
  label: "Permissions",
  term: "permission 对象",
  doc:
    "Only the declared keys are managed: an undeclared key keeps the server's value (the defaults are what a new agent gets). " +
    "create_client and update_client require the object (doc 3.1.1/3.1.2 `permission`): an update sends the declared keys merged into the server's permission, read just before.",
  lifecycle: "updatable",
  default: {},
  requiredOnCreate: true, // doc 3.1.1 create_client, `permission` 必填 true: `{}` when undeclared
  requiredOnUpdate: true, // doc 3.1.2 update_client, `permission` 必填 true
  partialKeys: true,
  keyDefaults: Object.fromEntries(
    Object.entries(PERMISSION_FIELDS)
      .filter(([, f]) => f.dflt !== undefined)
      .map(([k, f]) => [k, f.dflt]),
  ),
  // The describe example of doc 3.1.5 answers seven of the ten keys (no transfer, otherData,
  // taskInventory): a key the server leaves out keeps its last declared value instead of
  // falling back to the default, which would show as drift that never converges.
  mergeApi: (value, previous) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? { ...((previous as object | undefined) ?? {}), ...withoutNulls(value as Record<string, unknown>) }
      : value,
};
