/**
 * Safe adoption (issue 13): an adopted agent or phone keeps its password unless one is declared,
 * and an adoption whose declaration matches the server makes no write call at all.
 */
import { describe, expect, it } from "vitest";
import { providers } from "../../provider";
import { simulatedProviders } from "./simulated";
import { aesUtilEncrypt, bean, PROPS, sdkSend } from "../vendor-sdk/sdk-requests";

const { sim, creds } = simulatedProviders("adopt-secret");

const writes = () => sim.log().filter((e) => e.method === "POST").length;
const passwordRecord = (kind: "clientSecret" | "extenSecret", id: string) =>
  (sim.admin.list(kind) as Array<Record<string, unknown>>).find((r) => r.cno === id || r.extenNumber === id);

/** An agent made outside the program (the console, another tool): through the API, with a password. */
async function consoleAgent() {
  const answer = await sdkSend(sim.url, creds, {
    method: "POST",
    path: "cc/create_client",
    body: bean(PROPS.createClient, {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      password: aesUtilEncrypt("Console-pw-1", creds.accessKeySecret),
      wrapupTime: 45,
      permission: bean(PROPS.permission, {}),
    }),
  });
  expect(answer.status).toBe(200);
}

describe("adoption", () => {
  it("takes an agent without a password, keeps the agent's own, and writes nothing when the declaration matches", async () => {
    await consoleAgent();
    const before = passwordRecord("clientSecret", "1001");
    const declared = { cno: "1001", name: "alice", areaCode: "010", wrapupTime: 45, adopt: true };
    const { inputs, failures } = await providers.client.check!({}, declared);
    expect(failures).toEqual([]);
    const w = writes();
    const { outs } = await providers.client.create!(inputs!);
    expect(outs.adopted).toBe(true);
    expect(writes()).toBe(w); // no write call at all
    expect(passwordRecord("clientSecret", "1001")).toEqual(before);
    expect(outs).not.toHaveProperty("password");
  });

  it("changes only what differs; a declared password is set, and later sent only when it changes", async () => {
    await consoleAgent();
    const before = passwordRecord("clientSecret", "1001");
    const { inputs } = await providers.client.check!(
      {},
      { cno: "1001", name: "alice", areaCode: "010", wrapupTime: 60, adopt: true },
    );
    const { outs } = await providers.client.create!(inputs!);
    const sent = sim.log().filter((e) => e.path === "/cc/update_client");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params).not.toContain("password");
    expect(passwordRecord("clientSecret", "1001")).toEqual(before);
    expect(sim.admin.list("client")[0]).toMatchObject({ wrapupTime: 60 });

    // Declaring a password later changes it, once.
    const withPassword = {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      wrapupTime: 60,
      adopt: true,
      password: "New-pw-123",
    };
    const next = await providers.client.check!(outs, withPassword);
    const { outs: after } = await providers.client.update!("1001", outs, next.inputs!);
    expect(passwordRecord("clientSecret", "1001")).not.toEqual(before);
    const again = await providers.client.check!(after!, withPassword);
    expect((await providers.client.diff!("1001", after!, again.inputs!)).changes).toBe(false);
  });

  it("adopt without a password for an agent that does not exist fails clearly, creating nothing", async () => {
    const { inputs, failures } = await providers.client.check!(
      {},
      { cno: "1002", name: "bob", areaCode: "010", adopt: true },
    );
    expect(failures).toEqual([]);
    await expect(providers.client.create!(inputs!)).rejects.toThrow(
      "Client 1002 does not exist in the center, so adopting it is impossible and creating it needs 'password': declare it (a password as a Pulumi secret, e.g. config.requireSecret).",
    );
    expect(writes()).toBe(0);
  });

  // Moved from the e2e suite (queue): the refusal is the provider's create; the engine's part (a
  // failed create fails the up) is in e2e truthful-preview, "the preview of a create that collides".
  it("refuses an existing queue without adopt, naming it and the opt-in, and creates nothing", async () => {
    sim.admin.insert("queue", { qno: "0042", name: "legacy" });
    const { inputs, failures } = await providers.queue.check!({}, { qno: "0042", name: "mine" });
    expect(failures).toEqual([]);
    await expect(providers.queue.create!(inputs!)).rejects.toThrow(/Queue 0042 already exists.*adopt: true/s);
    expect(sim.admin.list("queue")).toEqual([expect.objectContaining({ qno: "0042", name: "legacy" })]);
  });

  it("creating without adopt still requires the password", async () => {
    const { failures } = await providers.client.check!({}, { cno: "1003", name: "carol", areaCode: "010" });
    expect(failures!.map((f) => f.property)).toEqual(["password"]);
  });

  it("takes a phone without its password and keeps it", async () => {
    const fields = { extenNumber: "8001", password: "Ph0ne-pw", areaCode: "010", type: 1, allow: 1 };
    expect(
      (
        await sdkSend(sim.url, creds, {
          method: "POST",
          path: "cc/create_exten",
          query: fields,
          body: bean(PROPS.exten, fields),
        })
      ).status,
    ).toBe(200);
    const before = passwordRecord("extenSecret", "8001");
    const { inputs, failures } = await providers.exten.check!(
      {},
      { extenNumber: "8001", areaCode: "010", type: 1, allow: 1, adopt: true },
    );
    expect(failures).toEqual([]);
    const w = writes();
    await providers.exten.create!(inputs!);
    expect(writes()).toBe(w);
    expect(passwordRecord("extenSecret", "8001")).toEqual(before);
  });
});
