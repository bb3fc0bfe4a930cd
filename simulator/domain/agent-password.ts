/**
 * Agent passwords arrive AES-encrypted (doc 3.1.1 create_client and 3.1.2 update_client,
 * `password`: "采用 AES加密"). The document gives no key or mode; the vendor's Java SDK, the one
 * client the server is known to serve, encrypts with `AesUtil.encrypt(password, accessKeySecret)`:
 * AES/ECB/PKCS5Padding, the key from `KeyGenerator.getInstance("AES").init(128, random)` where
 * `random` is `SecureRandom.getInstance("SHA1PRNG")` seeded with the secret, hex output.
 *
 * Java's SHA1PRNG, seeded before its first use, keeps `state = SHA1(seed)` and emits
 * `SHA1(state)` as its first 20-byte block; the 128-bit key is the first 16 bytes of that block.
 * Written here from that description, apart from the provider (the simulator never shares code
 * with it).
 */
import { createDecipheriv, createHash } from "node:crypto";
import { fail } from "./kernel";

/** `aes`: passwords must decrypt under the caller's access key secret (the document); `none`: taken as sent. */
export type PasswordMode = "aes" | "none";

function sha1prngFirstBlock(seed: Buffer): Buffer {
  const state = createHash("sha1").update(seed).digest();
  return createHash("sha1").update(state).digest();
}

/** The plain password, or ClientPassword when it is not the AES form the document requires. */
export function decryptAgentPassword(sent: string, accessKeySecret: string | undefined, mode: PasswordMode): string {
  if (mode === "none") return sent;
  const refuse = () =>
    fail.code(400, "ClientPassword", "座席密码必须使用AES加密(以接口密钥AccessKeySecret为密钥, 十六进制密文)");
  if (accessKeySecret === undefined || !/^(?:[0-9a-fA-F]{32})+$/.test(sent)) throw refuse();
  const key = sha1prngFirstBlock(Buffer.from(accessKeySecret, "utf8")).subarray(0, 16);
  try {
    const d = createDecipheriv("aes-128-ecb", key, null);
    return Buffer.concat([d.update(Buffer.from(sent, "hex")), d.final()]).toString("utf8");
  } catch {
    throw refuse();
  }
}
