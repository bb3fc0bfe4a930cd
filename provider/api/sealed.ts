/**
 * Write-only values (passwords) sealed for the engine's round trip. `check` hands the engine the
 * inputs it then shows in previews and event logs, and a preview reports a planned resource's
 * inputs as its outputs, debug logs included; so `check` returns passwords sealed, and the
 * provider unseals them for create and update. AES-256-GCM under a key derived from the access
 * key secret, with the nonce derived from the value: the same password seals to the same text,
 * so an unchanged password never looks changed. Only a holder of the access key secret opens it.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac } from "node:crypto";

const PREFIX = "clink-sealed:v1:";

function keyOf(secret: string): Buffer {
  return createHmac("sha256", "pulumi-clink sealed write-only values").update(secret, "utf8").digest();
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

export function seal(value: string, secret: string): string {
  const key = keyOf(secret);
  const nonce = createHmac("sha256", key).update(value, "utf8").digest().subarray(0, 12);
  const c = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([c.update(value, "utf8"), c.final()]);
  return PREFIX + Buffer.concat([nonce, c.getAuthTag(), body]).toString("base64");
}

/** The value, or undefined when it was sealed under another secret (or is damaged). */
export function unseal(sealed: string, secret: string): string | undefined {
  try {
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
    const d = createDecipheriv("aes-256-gcm", keyOf(secret), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * A short tag of a sealed value, shown in the clear so a preview (and `pulumi-clink review`) can
 * say that a password changed without any form of the password: it is a hash of the ciphertext,
 * whose key only the access key secret gives, so it tells nothing but "same" or "different" for
 * one field of one object.
 */
export function changeTag(sealed: string, context: string): string {
  // The context (kind, natural key, field) keeps two objects with the same password from showing equal tags.
  return createHash("sha256").update(context, "utf8").update("\0").update(sealed, "utf8").digest("hex").slice(0, 16);
}
