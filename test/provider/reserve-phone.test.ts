/**
 * Issue 23, item 7: ClientPhone.isReserveTel against the simulator. describe_client answers the
 * agent's reserve phone (`reserveTel`, doc 3.1.5); list_client_tels (3.1.10) does not. The
 * binding reads it back, so a reserve phone changed elsewhere shows as drift and the update makes
 * it real; 1 -> 0, which no endpoint can make (bind_client_tel's 0 only skips the copy, doc
 * 3.1.7), is refused at preview.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ClinkClient, providers } from "../../provider";
import { simulatedProviders } from "./simulated";
import { present } from "../support/present";

const p = providers.clientPhone;
const MOBILE = "13812345678";

const { sim } = simulatedProviders();
beforeEach(() => {
  sim.admin.insert("client", { cno: "1001", name: "a", areaCode: "010", type: 2, active: 1, permission: {} });
});

const reserveOnServer = () =>
  present((sim.admin.list("client") as Array<Record<string, unknown>>)[0], "a client on the server").reserveTel;

async function bound(raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!({}, raw);
  expect(failures).toEqual([]);
  return { ...(await p.create!(inputs!)), inputs: inputs! };
}

describe("ClientPhone.isReserveTel", () => {
  it("is read back from describe_client's reserveTel: no diff when it holds, drift shown and repaired when not", async () => {
    const { id, outs, inputs } = await bound({ cno: "1001", tel: MOBILE, isReserveTel: 1 });
    expect(reserveOnServer()).toBe(MOBILE);
    const read = await p.read!(id, outs);
    expect(read.props!.isReserveTel).toBe(1);
    expect((await p.diff!(id, read.props!, inputs)).changes).toBe(false);

    // Someone sets another reserve phone in the console: the refresh shows it, the update restores it.
    sim.admin.edit("client", "1001", { reserveTel: "13900000000" });
    const drifted = await p.read!(id, outs);
    expect(drifted.props!.isReserveTel).toBe(0);
    expect(await p.diff!(id, drifted.props!, inputs)).toMatchObject({ changes: true, replaces: [] });
    await p.update!(id, drifted.props!, inputs);
    expect(reserveOnServer()).toBe(MOBILE);
  });

  it("a change of isReserveTel alone never rebinds a phone the console bound since: it asks for a refresh", async () => {
    const { id, outs, inputs } = await bound({ cno: "1001", tel: MOBILE, isReserveTel: 0 });
    const api = new ClinkClient({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
    const boundTel = async () =>
      (
        (await api.request("GET", "/cc/list_client_tels", { query: { cno: "1001" } })) as {
          clientTels: Array<{ tel: string; isBind: number }>;
        }
      ).clientTels.find((t) => Number(t.isBind) === 1)?.tel;
    try {
      // Someone binds another phone in the console; the state (no refresh) still says MOBILE.
      await api.request("POST", "/cc/bind_client_tel", { body: { cno: "1001", tel: "13900000001", isBind: 1 } });
      expect(await boundTel()).toBe("13900000001");
      const news = { ...inputs, isReserveTel: 1 };
      expect((await p.diff!(id, outs, news)).changes).toBe(true);
      await expect(p.update!(id, outs, news)).rejects.toThrow(
        /agent 1001 has phone 13900000001 bound in the center, not the declared 13812345678.*pulumi refresh/,
      );
      expect(await boundTel()).toBe("13900000001");
    } finally {
      await api.close();
    }
  });

  it("refuses 1 -> 0 at preview, saying why, because bind_client_tel cannot clear a reserve phone", async () => {
    const { outs } = await bound({ cno: "1001", tel: MOBILE, isReserveTel: 1 });
    const { failures } = await p.check!(outs, { cno: "1001", tel: MOBILE, isReserveTel: 0 });
    expect(failures).toEqual([
      expect.objectContaining({
        property: "isReserveTel",
        reason: expect.stringMatching(/ClientPhone 1001: isReserveTel 1 -> 0 cannot be made.*doc 3\.1\.7/),
      }),
    ]);
    // Leaving it out (not managed) is fine.
    expect((await p.check!(outs, { cno: "1001", tel: MOBILE })).failures).toEqual([]);
  });

  it("refuses isReserveTel 1 on a phone that is not a mobile (doc 3.1.7: mobiles only)", async () => {
    const { failures } = await p.check!({}, { cno: "1001", tel: "8001", isReserveTel: 1 });
    expect(failures).toEqual([
      expect.objectContaining({ property: "isReserveTel", reason: expect.stringContaining("needs a mobile tel") }),
    ]);
  });

  it("does not ask describe_client for a binding that leaves isReserveTel out", async () => {
    sim.admin.insert("exten", { extenNumber: "8001", areaCode: "010", type: 1, allow: 3, isDirect: 0, jittBuffer: 0 });
    const { id, outs } = await bound({ cno: "1001", tel: "8001" });
    sim.admin.edit("client", "1001", { reserveTel: "13900000000" });
    const read = await p.read!(id, outs);
    expect(read.props).not.toHaveProperty("isReserveTel");
  });
});
