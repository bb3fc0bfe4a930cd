/**
 * The vendor Java SDK's request shapes (ti-net/clink-sdk, clink-serversdk, the v3 `cc` requests),
 * re-created from reading its source and from requests it was seen to send. Written here
 * independently of the provider and the simulator, to prove the simulator serves that client:
 *
 * - the request line is `/cc/<name>/?<query>`: a slash before `?`, GET and POST alike;
 * - the query holds AccessKeyId, Expires (600), Timestamp (yyyy-MM-ddTHH:mm:ssZ) and the request's
 *   query parameters, each java.net.URLEncoder-encoded, sorted by encoded key, Signature added;
 * - the string to sign is METHOD + host WITHOUT the port + `/cc/<name>` (no trailing slash) + `?`
 *   + the sorted query; Signature = base64(HMAC-SHA1(secret, that));
 * - the `Host` header carries the port (Apache HttpClient on a non-default port);
 * - a POST body is Jackson's default serialization of the request bean: EVERY property, unset
 *   ones as JSON null, java.util.Date as epoch milliseconds; some requests (create/update/delete
 *   exten, delete queue/pause/list entry, update list setting) also put their set fields in the query;
 * - GET requests carry `Content-Length: 0` and no Content-Type;
 * - agent passwords are `AesUtil.encrypt(password, accessKeySecret)`: AES-128-ECB-PKCS5 under the
 *   first 16 bytes of SHA1PRNG(secret) = SHA1(SHA1(secret)), lowercase hex.
 */
import { createCipheriv, createHash, createHmac } from "node:crypto";
import { request } from "node:http";

const javaEncode = (s: string) =>
  encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");

export function aesUtilEncrypt(plain: string, secret: string): string {
  const key = createHash("sha1").update(createHash("sha1").update(secret, "utf8").digest()).digest().subarray(0, 16);
  const c = createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([c.update(plain, "utf8"), c.final()]).toString("hex");
}

export interface SdkCall {
  method: "GET" | "POST";
  /** e.g. "cc/create_client" */
  path: string;
  /** Set query parameters (signed). */
  query?: Record<string, string | number>;
  /** The request bean: every property, null when unset. */
  body?: Record<string, unknown>;
}

export interface SdkAnswer {
  status: number;
  json: Record<string, unknown>;
}

export function sdkSend(
  baseUrl: string,
  creds: { accessKeyId: string; accessKeySecret: string },
  call: SdkCall,
  nowMs = Date.now(),
): Promise<SdkAnswer> {
  const url = new URL(baseUrl);
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(call.query ?? {})) params.set(javaEncode(k), javaEncode(String(v)));
  params.set("AccessKeyId", javaEncode(creds.accessKeyId));
  params.set("Expires", "600");
  params.set("Timestamp", javaEncode(new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, "Z")));
  const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = sorted.map(([k, v]) => `${k}=${v}`).join("&");
  const toSign = `${call.method}${url.hostname}/${call.path}?${canonical}`; // host without the port
  const signature = createHmac("sha1", creds.accessKeySecret).update(toSign, "utf8").digest("base64");
  const query = [...sorted, ["Signature", javaEncode(signature)] as const]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const body = call.method === "POST" ? JSON.stringify(call.body ?? {}) : "";
  const headers: Record<string, string | number> = {
    host: url.host, // with the port
    "user-agent": "Apache-HttpClient/4.5.13 (Java/17.0.12)",
    "accept-encoding": "gzip,deflate",
    connection: "Keep-Alive",
    "content-length": Buffer.byteLength(body),
  };
  if (call.method === "POST") headers["content-type"] = "application/json; charset=UTF-8";
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: call.method, path: `/${call.path}/?${query}`, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A bean with every listed property, null unless set: Jackson's default for the SDK's requests. */
export function bean(properties: readonly string[], set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of properties) out[p] = set[p] === undefined ? null : set[p];
  for (const k of Object.keys(set)) if (!properties.includes(k)) throw new Error(`${k} is not an SDK property`);
  return out;
}

const CREATE_CLIENT = [
  "cno",
  "name",
  "areaCode",
  "password",
  "role",
  "active",
  "qnos",
  "hiddenTel",
  "wrapupTime",
  "crmId",
  "clidType",
  "assignType",
  "dynamicTelGroupName",
  "clid",
  "clidArea",
  "clidRule",
  "recurrentselectionType",
  "recurrentselectionValue",
  "permission",
  "type",
  "chatLimit",
  "chatLimitNum",
  "obClidDefaultType",
  "clidDefault",
  "dynamicTelGroupIdDefault",
  "cloudNumberEnabled",
  "cloudNumberModes",
] as const;

/** The v3 request beans' properties, in declaration order. */
export const PROPS = {
  createClient: CREATE_CLIENT,
  // update_client's bean: create's properties without `type`, with the inbound wrap-up pair.
  updateClient: [...CREATE_CLIENT.filter((p) => p !== "type"), "ibWrapupType", "ibWrapupTime"],
  permission: [
    "asr",
    "call",
    "cdr",
    "recordDownload",
    "sms",
    "record",
    "chat",
    "transfer",
    "otherData",
    "taskInventory",
  ],
  queue: [
    "qno",
    "name",
    "maxWait",
    "memberTimeout",
    "queueTimeout",
    "ibAllowed",
    "strategy",
    "weight",
    "wrapupTime",
    "serviceLevel",
    "joinEmpty",
    "queueMembers",
    "chatStrategy",
    "chatMaxWait",
    "chatLocation",
    "sayCno",
    "vipSupport",
  ],
  queueMember: ["cno", "penalty", "type"],
  exten: ["extenNumber", "password", "areaCode", "type", "allow", "isDirect", "jittBuffer"],
  createPause: ["pauseStatus", "isRest", "isDefault"],
  updatePause: ["id", "pauseStatus", "isRest", "isDefault"],
  createRestrictTel: [
    "restrictType",
    "type",
    "telType",
    "tel",
    "expirationTime",
    "description",
    "encrypt",
    "encryptType",
  ],
} as const;
