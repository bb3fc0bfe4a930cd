/**
 * One signed request (doc 2.1.3) and what came back: an answer (status, JSON envelope,
 * Retry-After) or none, and whether the request was written before it failed. No retry, no
 * pacing (./client.ts); never a URL in a message (it carries the signature).
 */
import type { Dispatcher } from "undici";
import { signedQuery } from "./signing";
import { userAgent } from "./version";

/** What sending needs of the client. The secret stays in the client's private field otherwise. */
export interface Connection {
  endpoint: URL;
  accessKeyId: string;
  secret: string;
  expiresSeconds: number;
  now: () => number;
  dispatcher: Dispatcher;
}

export async function send(
  conn: Connection,
  method: string,
  path: string,
  params: Array<[string, string]>,
  body: string | undefined,
): Promise<Outcome> {
  const query = signedQuery({
    method,
    host: conn.endpoint.host,
    path,
    params,
    accessKeyId: conn.accessKeyId,
    accessKeySecret: conn.secret,
    expiresSeconds: conn.expiresSeconds,
    nowMs: conn.now(),
  });
  const base = conn.endpoint.pathname.replace(/\/$/, "");
  let sent = false;
  try {
    const res = await conn.dispatcher.request({
      origin: conn.endpoint.origin,
      path: `${base}${path}?${query}`,
      method: method as Dispatcher.HttpMethod,
      headers:
        body !== undefined
          ? {
              "content-type": "application/json; charset=utf-8",
              accept: "application/json",
              "user-agent": userAgent(),
            }
          : { accept: "application/json", "user-agent": userAgent() },
      body,
    });
    sent = true;
    const text = await res.body.text();
    let json: Envelope = {};
    try {
      json = text ? (JSON.parse(text) as Envelope) : {};
    } catch {
      json = {};
    }
    const ra = Number(res.headers["retry-after"]);
    return {
      kind: "answer",
      status: res.statusCode,
      json,
      retryAfterMs: Number.isFinite(ra) ? ra * 1000 : undefined,
    };
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    // Connect-phase failures mean nothing reached the server.
    sent =
      sent ||
      ![
        "ECONNREFUSED",
        "ENOTFOUND",
        "EAI_AGAIN",
        "UND_ERR_CONNECT_TIMEOUT",
        "CERT_HAS_EXPIRED",
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        "ERR_TLS_CERT_ALTNAME_INVALID",
        "ERR_SSL_WRONG_VERSION_NUMBER",
      ].includes(code);
    return { kind: "none", sent, reason: `${describeNetworkError(e)} (${conn.endpoint.host})` };
  }
}

export type Envelope = { requestId?: string; error?: { code?: string; message?: string } } & Record<string, unknown>;
export type Outcome =
  | { kind: "answer"; status: number; json: Envelope; retryAfterMs?: number }
  | { kind: "none"; sent: boolean; reason: string };

/** Names the failure without the URL (it carries the signature). */
function describeNetworkError(e: unknown): string {
  const err = e as { code?: string; name?: string };
  switch (err.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection closed without an answer";
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return "no answer within the response timeout";
    case "UND_ERR_CONNECT_TIMEOUT":
      return "connect timeout";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found (DNS)";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
    case "EPROTO":
    case "ERR_SSL_WRONG_VERSION_NUMBER":
      return `TLS handshake failed (${err.code})`;
    case "ETIMEDOUT":
      return "connection timed out";
    default:
      return `network error (${err.code ?? err.name ?? "unknown"})`;
  }
}
