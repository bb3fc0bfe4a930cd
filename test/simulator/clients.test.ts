/** The simulator's doc 3.1 (agents) against the document's own statements. */
import { describe, expect, it } from "vitest";
import { aes, enterprise, err, ok } from "./call";

/** An agent as create_client takes it: the password AES-encrypted (doc 3.1.1 `password`). */
const agent = (extra: Record<string, unknown> = {}) => ({
  cno: "1001",
  name: "张三",
  areaCode: "010",
  password: aes("s3cret-pw"),
  permission: {},
  ...extra,
  ...(typeof extra.password === "string" ? { password: aes(extra.password) } : {}),
});

describe("create_client (3.1.1)", () => {
  it("applies defaults, echoes the password like the real API, and keeps it out of every read", () => {
    const ent = enterprise();
    const created = ok(ent, "POST", "/cc/create_client", agent()).client;
    expect(created).toMatchObject({
      cno: "1001",
      role: 0,
      active: 1,
      wrapupTime: 30,
      type: 2,
      password: aes("s3cret-pw"),
    });
    expect(created.permission).toMatchObject({ asr: 0, call: 1, cdr: 1, recordDownload: 1, sms: 0, record: 3 });
    const described = ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client;
    expect(JSON.stringify(described)).not.toContain("s3cret-pw");
    const listed = ok(ent, "GET", "/cc/list_clients", {});
    expect(JSON.stringify(listed)).not.toContain("s3cret-pw");
    expect(JSON.stringify(ent.admin.list("client"))).not.toContain("s3cret-pw");
    expect(JSON.stringify(ent.exportState())).not.toContain("s3cret-pw");
    expect(JSON.stringify(ent.exportState())).not.toContain(aes("s3cret-pw"));
  });

  it("takes the password only AES-encrypted under the caller's secret (doc 3.1.1 `password`: 采用 AES加密)", () => {
    const ent = enterprise();
    const plain = err(ent, "POST", "/cc/create_client", { ...agent(), password: "s3cret-pw" });
    expect(plain).toMatchObject({ status: 400, code: "ClientPassword" });
    expect(plain.message).toContain("AES");
    const otherKey = err(ent, "POST", "/cc/create_client", {
      ...agent(),
      password: aes("s3cret-pw", "another-secret"),
    });
    expect(otherKey.code).toBe("ClientPassword");
    ok(ent, "POST", "/cc/create_client", agent());
    // The vendor SDK's own check vector (AesUtil with secret "mysecret").
    expect(aes("Aa123456", "mysecret")).toBe("c59e033c4eaa0f01c8a4c9f1d542d75a");
    // A tenant without encryption takes plain text.
    const plainTenant = enterprise({ passwordEncryption: "none" });
    ok(plainTenant, "POST", "/cc/create_client", { ...agent(), password: "s3cret-pw" });
  });

  it("takes JSON null as an absent parameter, as the vendor SDK sends every unset property", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_client", {
      ...agent(),
      crmId: null,
      qnos: null,
      clidArea: null,
      cloudNumberModes: null,
    });
    const d = ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client;
    expect(d.crmId).toBe(""); // doc 3.1.5's example form for an unset crmId
    expect(d).not.toHaveProperty("cloudNumberModes");
  });

  it("hides the fields describe_client does not document", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_client", agent({ wechatMiniProgramRtc: 1, clidDefault: ["01089193540"] }));
    const d = ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client;
    expect(d).not.toHaveProperty("wechatMiniProgramRtc");
    expect(d).not.toHaveProperty("clidDefault");
    expect(d).not.toHaveProperty("password");
    expect(d).toMatchObject({ status: 0, bindTel: "", qnos: [], queues: [] });
  });

  it("rejects what the document rules out", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_client", agent());
    expect(err(ent, "POST", "/cc/create_client", agent())).toMatchObject({ status: 400, code: "ClientExist" });
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "12" })).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", password: "short" })).code).toBe(
      "ClientPassword",
    );
    expect(err(ent, "POST", "/cc/create_client", { ...agent({ cno: "1002" }), permission: undefined }).code).toBe(
      "MissingParameter",
    );
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", clidType: 2 })).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", qnos: ["0404"] })).code).toBe("ResourceNotFound");
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", cloudNumberEnabled: 1 })).code).toBe(
      "InvalidParameter",
    );
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", assignType: 1 })).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_client", agent({ cno: "1002", permission: { asr: 9 } })).code).toBe(
      "InvalidParameter",
    );
  });
});

describe("update_client (3.1.2), qnos and queues", () => {
  it("requires permission, keeps omitted fields, and sets queue membership from qnos", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "a" });
    ok(ent, "POST", "/cc/create_queue", { qno: "0002", name: "b" });
    ok(ent, "POST", "/cc/create_client", agent({ qnos: ["0001"], wrapupTime: 40 }));
    expect(err(ent, "POST", "/cc/update_client", { cno: "1001", name: "李四" }).code).toBe("MissingParameter");
    ok(ent, "POST", "/cc/update_client", { cno: "1001", name: "李四", permission: { sms: 1 }, qnos: ["0002"] });
    const d = ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client;
    expect(d).toMatchObject({ name: "李四", wrapupTime: 40, qnos: ["0002"] });
    expect(d.permission).toMatchObject({ sms: 1, call: 1 });
    expect(ok(ent, "GET", "/cc/describe_queue", { qno: "0001" }).result.queueMembers).toEqual([]);
    expect(err(ent, "POST", "/cc/update_client", { cno: "1001", permission: {}, type: 1 }).code).toBe(
      "UnknownParameter",
    );
  });
});

describe("delete_client (3.1.3)", () => {
  it("is 404 when missing, refuses an online agent, and drops the memberships", () => {
    const ent = enterprise();
    expect(err(ent, "POST", "/cc/delete_client", { cno: "1001" })).toMatchObject({
      status: 404,
      code: "ResourceNotFound",
    });
    ok(ent, "POST", "/cc/create_queue", { qno: "0001", name: "a" });
    ok(ent, "POST", "/cc/create_client", agent({ qnos: ["0001"] }));
    ent.admin.setAgentOnline("1001", true);
    expect(err(ent, "POST", "/cc/delete_client", { cno: "1001" }).code).toBe("ClientOnline");
    ok(ent, "POST", "/cc/offline_client", { cno: "1001" });
    ok(ent, "POST", "/cc/delete_client", { cno: "1001" });
    expect(ent.admin.list("membership")).toEqual([]);
  });
});

describe("phones (3.1.7-3.1.12)", () => {
  it("binds one phone per agent and refuses a phone bound elsewhere", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_client", agent());
    ok(ent, "POST", "/cc/create_client", agent({ cno: "1002" }));
    ok(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "13800000001", isBind: 1 });
    expect(ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client).toMatchObject({
      bindTel: "13800000001",
      telType: 2,
    });
    expect(err(ent, "POST", "/cc/bind_client_tel", { cno: "1002", tel: "13800000001", isBind: 1 }).code).toBe(
      "ClientTelIsBind",
    );
    ok(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "01088886666", isBind: 1 });
    expect(ok(ent, "GET", "/cc/list_client_tels", { cno: "1001" }).clientTels).toEqual([
      { tel: "13800000001", telType: 2, isBind: 0 },
      { tel: "01088886666", telType: 1, isBind: 1 },
    ]);
    expect(err(ent, "POST", "/cc/delete_client_tel", { cno: "1001", tel: "01088886666" }).code).toBe("ClientTelIsBind");
    ok(ent, "POST", "/cc/unbind_client_tel", { cno: "1001" });
    ok(ent, "POST", "/cc/delete_client_tel", { cno: "1001", tel: "01088886666" });
    expect(err(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "abc" }).code).toBe("ClientTelVerification");
  });

  it("demands verification when the enterprise turns it on", () => {
    const ent = enterprise({ seed: { telVerification: true } });
    ok(ent, "POST", "/cc/create_client", agent());
    expect(err(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "13800000001" }).code).toBe(
      "ClientTelVerification",
    );
    ok(ent, "GET", "/cc/bind_client_tel_verification", { cno: "1001", tel: "13800000001" });
    const code = String((ent.admin.list("telVerification")[0] as { code: string }).code);
    expect(
      err(ent, "POST", "/cc/bind_client_tel_confirmed", { cno: "1001", tel: "13800000001", verificationCode: "x" })
        .code,
    ).toBe("ClientTelErrorCode");
    ok(ent, "POST", "/cc/bind_client_tel_confirmed", { cno: "1001", tel: "13800000001", verificationCode: code });
    ok(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "13800000001" });
  });
});

describe("other settings (3.1.13-14)", () => {
  it("requires both gains in 0-100", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_client", agent());
    expect(err(ent, "POST", "/cc/other_setting", { cno: "1001", agcRx: 10 }).code).toBe("MissingParameter");
    expect(err(ent, "POST", "/cc/other_setting", { cno: "1001", agcRx: 10, agcTx: 101 }).code).toBe("InvalidParameter");
    ok(ent, "POST", "/cc/other_setting", { cno: "1001", agcRx: 10, agcTx: 20 });
    expect(ok(ent, "GET", "/cc/list_other_setting", { cno: "1001" }).otherSettings).toEqual({
      cno: "1001",
      agcRx: 10,
      agcTx: 20,
    });
  });
});
