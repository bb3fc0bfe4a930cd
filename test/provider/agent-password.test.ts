/**
 * Agent passwords travel AES-encrypted (doc 3.1.1/3.1.2 `password`: 采用 AES加密), under the
 * access key secret, as the vendor SDK's AesUtil does: checked on the wire with a plain server
 * that records what it receives, against the vendor's check vector.
 */
import { createDecipheriv, createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ClinkClient, configureProvider, providers } from "../../provider";
import { json, testServer, type Seen } from "../api/server";

const SECRET = "mysecret";
let close: () => Promise<void> = async () => {};
afterEach(() => close());

/** Answers create/update/describe like the document's examples would, and records every request. */
async function recordingCenter(passwordEncryption?: string) {
  const server = await testServer(SECRET, (req, res) => {
    if (req.path.endsWith("/list_other_setting")) return json(res, 200, { otherSettings: {} });
    if (req.path.endsWith("/describe_client"))
      return json(res, 200, { client: { cno: "1001", name: "alice", areaCode: "010", crmId: "" } });
    json(res, 200, { client: { cno: "1001", password: (req.body as { password?: string })?.password } });
  });
  close = server.close;
  configureProvider({
    endpoint: server.url,
    accessKeyId: "k",
    accessKeySecret: SECRET,
    rate: 0,
    ...(passwordEncryption ? { passwordEncryption } : {}),
  });
  return server.seen;
}

const sentPassword = (seen: Seen[], path: string) =>
  (seen.find((r) => r.path === path)?.body as { password?: string } | undefined)?.password;

/** Decrypts as the server side would (key = SHA1(SHA1(secret))[0..16), AES-128-ECB, hex). */
function serverDecrypts(hex: string, secret: string): string {
  const key = createHash("sha1").update(createHash("sha1").update(secret).digest()).digest().subarray(0, 16);
  const d = createDecipheriv("aes-128-ecb", key, null);
  return Buffer.concat([d.update(Buffer.from(hex, "hex")), d.final()]).toString("utf8");
}

const alice = { cno: "1001", name: "alice", areaCode: "010", password: "Aa123456" };

describe("agent passwords", () => {
  it("the client encrypts as the vendor's AesUtil: the SDK check vector", () => {
    const client = new ClinkClient({ accessKeyId: "k", accessKeySecret: "mysecret", endpoint: "http://127.0.0.1:1" });
    expect(client.agentPassword("Aa123456")).toBe("c59e033c4eaa0f01c8a4c9f1d542d75a");
    const plain = new ClinkClient({
      accessKeyId: "k",
      accessKeySecret: "mysecret",
      endpoint: "http://127.0.0.1:1",
      passwordEncryption: "none",
    });
    expect(plain.agentPassword("Aa123456")).toBe("Aa123456");
  });

  it("create and update send the password AES-encrypted, and never the plain text", async () => {
    const seen = await recordingCenter();
    const { inputs } = await providers.client.check!({}, alice);
    const created = await providers.client.create(inputs!);
    expect(sentPassword(seen, "/cc/create_client")).toBe("c59e033c4eaa0f01c8a4c9f1d542d75a");
    expect(JSON.stringify(seen.map((r) => [r.body, r.query]))).not.toContain("Aa123456");
    // The create answer echoes the (encrypted) password: it never reaches the outputs.
    expect(JSON.stringify(created.outs)).not.toContain("c59e033c");

    const changed = await providers.client.check!(created.outs, { ...alice, password: "Bb654321!" });
    await providers.client.update!("1001", created.outs, changed.inputs!);
    const sent = sentPassword(seen, "/cc/update_client")!;
    expect(sent).toMatch(/^[0-9a-f]{32}$/);
    expect(serverDecrypts(sent, SECRET)).toBe("Bb654321!");
  });

  it("clink:passwordEncryption none sends it as given (a tenant that takes plain text)", async () => {
    const seen = await recordingCenter("none");
    const { inputs } = await providers.client.check!({}, alice);
    await providers.client.create(inputs!);
    expect(sentPassword(seen, "/cc/create_client")).toBe("Aa123456");
  });

  it("a wrong clink:passwordEncryption fails before any call, saying what is allowed", async () => {
    const seen = await recordingCenter("rsa");
    // The preview's check of a create already needs the client (it looks the agent up).
    await expect(providers.client.check!({}, alice)).rejects.toThrow(
      /pulumi-clink configuration: passwordEncryption.*"aes" or "none"; got "rsa"/,
    );
    expect(seen).toHaveLength(0);
  });

  it("every request names the package in its User-Agent", async () => {
    const seen = await recordingCenter();
    await providers.client.read!("1001", { password: "x" });
    const version = (require("../../package.json") as { version: string }).version;
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r.headers["user-agent"]).toBe(`pulumi-clink/${version}`);
  });
});
