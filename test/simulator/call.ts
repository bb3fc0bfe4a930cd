/** Drive the enterprise model directly (no HTTP): the shape the HTTP layer hands it. */
import { createCipheriv, createHash } from "node:crypto";
import type { ApiResult, Enterprise } from "../../simulator/contract";
import { createEnterprise } from "../../simulator/domain";

export function enterprise(options?: Parameters<typeof createEnterprise>[0]): Enterprise {
  return createEnterprise(options);
}

/** GET params go to the query (arrays as `name[i]`, objects as `name.key`), POST params to the body. */
export function call(
  ent: Enterprise,
  method: "GET" | "POST",
  path: string,
  params: Record<string, unknown> = {},
): ApiResult {
  const query = new URLSearchParams();
  if (method === "GET") {
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) v.forEach((x, i) => query.append(`${k}[${i}]`, String(x)));
      else if (v !== null && typeof v === "object")
        for (const [kk, vv] of Object.entries(v)) query.append(`${k}.${kk}`, String(vv));
      else if (v !== undefined) query.append(k, String(v));
    }
  }
  return ent.handle({
    method,
    path,
    query,
    body: method === "POST" ? params : undefined,
    accessKeySecret: MODEL_SECRET,
  });
}

/** The access key secret the model tests sign with (the HTTP layer hands the model the signer's). */
export const MODEL_SECRET = "model-test-secret";

/**
 * An agent password as the vendor SDK sends it (AesUtil: AES-128-ECB-PKCS5, key = first 16
 * bytes of SHA1PRNG(secret) = SHA1(SHA1(secret)), hex). Test-side, apart from provider and simulator.
 */
export function aes(password: string, secret = MODEL_SECRET): string {
  const key = createHash("sha1").update(createHash("sha1").update(secret).digest()).digest().subarray(0, 16);
  const c = createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([c.update(password, "utf8"), c.final()]).toString("hex");
}

/** The call must succeed; returns the body. */
export function ok(ent: Enterprise, method: "GET" | "POST", path: string, params: Record<string, unknown> = {}) {
  const r = call(ent, method, path, params);
  if (r.status !== 200) throw new Error(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The call must fail; returns { status, code, message }. */
export function err(ent: Enterprise, method: "GET" | "POST", path: string, params: Record<string, unknown> = {}) {
  const r = call(ent, method, path, params);
  if (r.status === 200) throw new Error(`${method} ${path} unexpectedly succeeded: ${JSON.stringify(r.body)}`);
  const e = (r.body as { error: { code: string; message: string } }).error;
  return { status: r.status, code: e.code, message: e.message };
}
