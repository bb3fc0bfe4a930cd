/**
 * Agent passwords travel AES-encrypted (doc 3.1.1 create_client and 3.1.2 update_client,
 * `password`: "采用 AES加密"). The document names neither key nor mode; the vendor's Java SDK
 * (clink-serversdk, `AesUtil.encrypt(password, accessKeySecret)`, used by its own agent tests)
 * pins them down, and docs/design.md records the choice:
 *
 * - AES-128 in ECB mode with PKCS#5 padding;
 * - the key is the first 16 bytes that Java's `SecureRandom("SHA1PRNG")` yields when seeded
 *   with the access key secret's UTF-8 bytes; SHA1PRNG's first output block is
 *   SHA1(SHA1(seed)), so the key is SHA1(SHA1(secret))[0..16);
 * - the ciphertext is written as lowercase hex.
 *
 * Check vector (docs/design.md): "Aa123456" with secret "mysecret" -> c59e033c4eaa0f01c8a4c9f1d542d75a.
 */
import { createCipheriv, createHash } from "node:crypto";

/** `aes` (the document's rule, the default) or `none` (a tenant that takes plain text). */
export type PasswordEncryption = "aes" | "none";

function sha1(data: Buffer): Buffer {
  return createHash("sha1").update(data).digest();
}

/** The 16-byte AES key the vendor derives from the access key secret. */
function keyFor(accessKeySecret: string): Buffer {
  return sha1(sha1(Buffer.from(accessKeySecret, "utf8"))).subarray(0, 16);
}

/** The password as the API takes it: AES-128-ECB-PKCS5 under the secret-derived key, lowercase hex. */
export function encryptAgentPassword(password: string, accessKeySecret: string): string {
  const cipher = createCipheriv("aes-128-ecb", keyFor(accessKeySecret), null);
  return Buffer.concat([cipher.update(password, "utf8"), cipher.final()]).toString("hex");
}
