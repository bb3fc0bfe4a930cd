/**
 * Request signing, exactly as doc 2.1.3 (签名机制, its GET and POST examples) shows it and as the
 * vendor's Java SDK does it (docs/design.md, last table: signature host, request path).
 */
import { createHmac } from "node:crypto";

/**
 * `java.net.URLEncoder.encode(s, "UTF-8")`: A-Z a-z 0-9 `.` `-` `*` `_` unchanged, space as `+`,
 * every other byte of the UTF-8 form as uppercase `%XX`. (encodeURIComponent differs on
 * `~ ! ' ( ) *` and on space.)
 */
export function javaUrlEncode(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (byte === 0x20) out += "+";
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Doc 2.1.2 公共参数, `Timestamp`: `yyyy-MM-ddTHH:mm:ssZ`, UTC, no milliseconds. */
export function clinkTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The canonical query: every parameter (the common ones included, Signature excluded), key and
 * value encoded, sorted by encoded key, joined with `&` (doc 2.1.3, GET example: 字典排序, UrlEncode).
 */
export function canonicalQuery(params: Array<[string, string]>): string {
  return params
    .map(([k, v]) => [javaUrlEncode(k), javaUrlEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/**
 * `METHOD + host + path + "?" + canonical query` (doc 2.1.3, 拼接要加密的字符串规则 and urlParam in
 * the GET example and in the POST example, where the body is not part of it). `host` is the URL's
 * host, with the port when one is given.
 */
export function stringToSign(method: string, host: string, path: string, params: Array<[string, string]>): string {
  return `${method.toUpperCase()}${host}${path}?${canonicalQuery(params)}`;
}

/** base64(HMAC-SHA1(secret, stringToSign)) (doc 2.1.3, 计算Signature). URL-encoding happens with the query. */
export function signature(secret: string, toSign: string): string {
  return createHmac("sha1", secret).update(toSign, "utf8").digest("base64");
}

/**
 * Flattens request parameters for the query string: arrays as `name[i]` (`cnos[0]` in doc
 * 2.1.3's GET example), nested objects as `name.key`; undefined and null are left out.
 */
export function flattenQuery(query: Record<string, unknown> | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (prefix: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    else if (typeof v === "object") for (const [k, item] of Object.entries(v)) walk(`${prefix}.${k}`, item);
    else out.push([prefix, String(v)]);
  };
  for (const [k, v] of Object.entries(query ?? {})) walk(k, v);
  return out;
}

/** The full query string of a signed request, Signature last. */
export function signedQuery(opts: {
  method: string;
  host: string;
  path: string;
  params: Array<[string, string]>;
  accessKeyId: string;
  accessKeySecret: string;
  expiresSeconds: number;
  nowMs: number;
}): string {
  const all: Array<[string, string]> = [
    ["AccessKeyId", opts.accessKeyId],
    ["Expires", String(opts.expiresSeconds)],
    ["Timestamp", clinkTimestamp(opts.nowMs)],
    ...opts.params,
  ];
  const sig = signature(opts.accessKeySecret, stringToSign(opts.method, opts.host, opts.path, all));
  return `${canonicalQuery(all)}&Signature=${javaUrlEncode(sig)}`;
}
