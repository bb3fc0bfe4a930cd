/**
 * Signature verification, from doc 2.1.2 (common parameters) and 2.1.3 (signature, GET and POST examples):
 * string to sign = METHOD + host + path + "?" + all query parameters but Signature, each name and
 * value encoded like java.net.URLEncoder, sorted by encoded name, joined by "&";
 * Signature = base64(HMAC-SHA1(AccessKeySecret, stringToSign)).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface AuthFailureAnswer {
  status: number;
  code: string;
  message: string;
}

/** java.net.URLEncoder: unreserved `A-Za-z0-9.-*_`, space as `+`, the rest as %XX of UTF-8. */
export function urlEncoderEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

/** Raw `name=value` pairs of a query string, decoded the way a servlet container does. */
export function decodePairs(rawQuery: string): Array<[string, string]> {
  return rawQuery
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const i = p.indexOf("=");
      const [k, v] = i < 0 ? [p, ""] : [p.slice(0, i), p.slice(i + 1)];
      const dec = (x: string) => {
        try {
          return decodeURIComponent(x.replace(/\+/g, " "));
        } catch {
          return x;
        }
      };
      return [dec(k), dec(v)];
    });
}

export function stringToSign(method: string, host: string, path: string, pairs: Array<[string, string]>): string {
  const q = pairs
    .filter(([k]) => k !== "Signature")
    .map(([k, v]) => [urlEncoderEncode(k), urlEncoderEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return `${method}${host}${path}?${q}`;
}

/** Doc 2.1.2: Timestamp is `yyyy-MM-ddTHH:mm:ssZ`, UTC. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Future timestamps within this skew are accepted (the document is silent; clocks drift). */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/**
 * Checks the common parameters and the signature. `paths` are the forms the signature may have
 * been computed over: the vendor SDK sends `/cc/x/?...` but signs `/cc/x?...` (docs/design.md,
 * "request path").
 */
export function verify(opts: {
  method: string;
  /** The host forms the signature may cover (with and without the port, see server.ts). */
  hosts: string[];
  paths: string[];
  pairs: Array<[string, string]>;
  keys: Credentials[];
  now: number;
}): AuthFailureAnswer | undefined {
  const get = (k: string) => opts.pairs.find(([name]) => name === k)?.[1];
  const keyId = get("AccessKeyId");
  if (!keyId) return { status: 400, code: "MissingAuthenticationToken", message: "请求必须包含有效的访问密钥ID。" };
  const key = opts.keys.find((k) => k.accessKeyId === keyId);
  const authFailure = { status: 401, code: "AuthFailure", message: "身份验证失败。" };
  if (!key) return authFailure;
  const expires = get("Expires");
  const timestamp = get("Timestamp");
  const signature = get("Signature");
  if (!expires || !timestamp || !signature)
    return { status: 400, code: "MissingParameter", message: "缺少公共请求参数: Expires, Timestamp, Signature" };
  if (!/^\d+$/.test(expires) || Number(expires) < 1 || Number(expires) > 86400)
    return { status: 400, code: "InvalidParameter", message: "Expires 必须是 1 到 86400 之间的整数" };
  const m = TIMESTAMP.exec(timestamp);
  if (!m) return { status: 400, code: "InvalidParameter", message: "Timestamp 格式必须是 yyyy-MM-ddTHH:mm:ssZ" };
  // TIMESTAMP's six groups are not optional: each is a string of digits once it matched.
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const expected = (host: string, path: string) =>
    createHmac("sha1", key.accessKeySecret)
      .update(stringToSign(opts.method, host, path, opts.pairs), "utf8")
      .digest();
  const given = Buffer.from(signature, "base64");
  const ok = opts.hosts.some((h) =>
    opts.paths.some((p) => {
      const e = expected(h, p);
      return e.length === given.length && timingSafeEqual(e, given);
    }),
  );
  if (!ok) return authFailure;
  if (opts.now > at + Number(expires) * 1000 || at > opts.now + ALLOWED_CLOCK_SKEW_MS)
    return { status: 403, code: "SignaturesExpired", message: "签名过期" };
  return undefined;
}
