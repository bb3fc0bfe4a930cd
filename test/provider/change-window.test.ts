/**
 * Change windows (issue 27): deletes and replacements of agents, phones and queues outside the
 * configured days and hours are flagged: a warning by default, a refusal when mandatory.
 */
import { afterEach, describe, expect, it } from "vitest";
import { configureProvider, providers } from "../../provider";
import { checkWindow, inWindow, parseWindow } from "../../provider/plugin/change-window";

// 2026-12-07 is a Monday. 14:00 UTC is 22:00 in Asia/Shanghai (UTC+8).
const at = (iso: string) => new Date(iso);

describe("change windows", () => {
  afterEach(() => configureProvider({}));

  it("reads days, hours and a time zone, and tells inside from outside", () => {
    const w = parseWindow("Mon-Fri 22:00-06:00 Asia/Shanghai");
    expect(inWindow(w, at("2026-12-07T14:30:00Z"))).toBe(true); // Mon 22:30 Shanghai
    expect(inWindow(w, at("2026-12-07T21:59:00Z"))).toBe(true); // Tue 05:59, the Monday window
    expect(inWindow(w, at("2026-12-07T22:00:00Z"))).toBe(false); // Tue 06:00
    expect(inWindow(w, at("2026-12-08T02:00:00Z"))).toBe(false); // Tue 10:00
    expect(inWindow(w, at("2026-12-12T15:00:00Z"))).toBe(false); // Sat 23:00: not a window day
    expect(inWindow(w, at("2026-12-11T21:00:00Z"))).toBe(true); // Sat 05:00: Friday's window
    expect(inWindow(w, at("2026-12-12T21:00:00Z"))).toBe(false); // Sun 05:00: Saturday has none
  });

  it("refuses a window it cannot read, by name", () => {
    expect(() => parseWindow("weekdays")).toThrow(/clink:changeWindow "weekdays" is not three parts/);
    expect(() => parseWindow("Mon-Fri 22-06 UTC")).toThrow(/has no hours/);
    expect(() => parseWindow("Mon-Fri 22:00-06:00 Mars/Olympus")).toThrow(/unknown time zone/);
    expect(() => parseWindow("Funday 22:00-06:00 UTC")).toThrow(/names no day/);
  });

  it("warns outside the window (advisory, the default), and says nothing inside it or without one", async () => {
    const said: string[] = [];
    const original = console.error;
    console.error = (m: unknown) => void said.push(String(m));
    try {
      await checkWindow("Client 1001", "delete", at("2026-12-08T02:00:00Z"));
      configureProvider({ changeWindow: "Sat,Sun 00:00-24:00 Asia/Shanghai" });
      await checkWindow("Client 1001", "delete", at("2026-12-12T02:00:00Z"));
      await checkWindow("Client 1001", "delete", at("2026-12-08T02:00:00Z"));
    } finally {
      console.error = original;
    }
    expect(said).toEqual([
      "warning: Client 1001: its delete falls outside the change window Sat,Sun 00:00-24:00 Asia/Shanghai (clink:changeWindow; now Tue 10:00 there).",
    ]);
  });

  it("refuses outside the window when mandatory: the delete is not made", async () => {
    configureProvider({
      changeWindow: "daily 00:00-00:00 UTC", // an empty window: every moment is outside
      changeWindowEnforcement: "mandatory",
      endpoint: "http://127.0.0.1:1",
      accessKeyId: "k",
      accessKeySecret: "s",
    });
    // Refused before any request: the endpoint above answers nothing.
    await expect(providers.queue.delete!("0001", { qno: "0001", name: "q" })).rejects.toThrow(
      /Queue 0001: its delete falls outside the change window daily 00:00-00:00 UTC .*It is not done/,
    );
    await expect(providers.client.diff!("1001", { cno: "1001", type: 2 }, { cno: "1001", type: 1 })).rejects.toThrow(
      /Client 1001: its replacement falls outside the change window/,
    );
  });

  it("refuses an enforcement level it does not know", async () => {
    configureProvider({ changeWindow: "daily 00:00-24:00 UTC", changeWindowEnforcement: "strict" });
    await expect(checkWindow("Queue 0001", "delete")).rejects.toThrow(/advisory" or "mandatory"; got "strict"/);
  });
});
