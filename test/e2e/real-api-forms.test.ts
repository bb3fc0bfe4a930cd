/**
 * The forms the real API answers in, under the real engine (issue 12): describe_client answers
 * crmId "" for an agent without one (doc 3.1.5 example) and the server may hold cloudNumberModes
 * [0,0,0,2] (the same example). Refresh must not fail on either, must show the server's
 * cloudNumberModes as drift, and `up` must repair it. Agent passwords travel AES-encrypted: the
 * simulator refuses any other form, so an `up` that lands proves it.
 */
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, recorder } from "./harness";

describe("the real API's answer forms under the engine", () => {
  const { sim, stack } = engineSuite({ seed: { cloudNumberEnabled: true } });

  it('refreshes an agent with crmId "" and cloudNumberModes [0,0,0,2], shows the drift, and up repairs it', async () => {
    const h = await stack(
      ({ clink }) => {
        new clink.Client("cloud", {
          cno: "3001",
          name: "cloud",
          areaCode: "010",
          password: "cloud-pass-1",
          cloudNumberEnabled: 1,
          cloudNumberModes: [0, 0, 0, 1],
        });
      },
      { project: "clink-e2e-forms" },
    );
    await h.stack.up();
    const described = sim.admin.list("client")[0] as Record<string, unknown>;
    expect(described.crmId).toBeUndefined(); // no crmId on the server: describe answers ""

    sim.admin.edit("client", "3001", { cloudNumberModes: [0, 0, 0, 2] });
    const refresh = await h.stack.refresh();
    expect(refresh.summary.result).toBe("succeeded");

    const rec = recorder();
    const preview = await h.stack.preview({ onEvent: rec.onEvent });
    expect(preview.changeSummary.update).toBe(1);
    const update = rec.ops.find((o) => o.op === "update" && o.name === "cloud");
    // The refreshed state holds the server's value; the program declares the other.
    expect(update?.oldInputs?.cloudNumberModes).toEqual([0, 0, 0, 2]);
    expect(update?.newInputs?.cloudNumberModes).toEqual([0, 0, 0, 1]);
    expect(update?.oldInputs).not.toHaveProperty("crmId");

    const rec2 = recorder();
    await h.stack.up({ onEvent: rec2.onEvent });
    expect(changesOf(rec2.ops)).toEqual(["update cloud"]);
    expect((sim.admin.list("client")[0] as Record<string, unknown>).cloudNumberModes).toEqual([0, 0, 0, 1]);
    await h.stack.refresh();
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });
});
