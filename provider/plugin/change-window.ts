/**
 * Change windows (issue 27): deleting or replacing an agent, its phone binding or a queue outside
 * the hours a center agreed for changes is flagged, as a warning (`advisory`, the default) or a
 * refusal (`mandatory`). Stack config: `clink:changeWindow` ("Mon-Fri 22:00-06:00 Asia/Shanghai")
 * and `clink:changeWindowEnforcement`. The engine's policy packs cannot do this: an analyzer is
 * shown the resources a program declares, never a delete nor whether a step replaces
 * (docs/policy.md, Change windows).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { changeWindowSettings } from "../settings";
import { warn } from "./engine-log";
import { OutsideChangeWindowError } from "./errors";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export interface ChangeWindow {
  /** Days of the week, 0 = Sunday, in the window's time zone. */
  days: Set<number>;
  /** Minutes after midnight; `to` below `from` crosses midnight (22:00-06:00). */
  from: number;
  to: number;
  timeZone: string;
  text: string;
}

/** "Mon-Fri 22:00-06:00 Asia/Shanghai", "Sat,Sun 00:00-24:00 UTC", "daily 01:00-05:00 Asia/Shanghai". */
export function parseWindow(text: string): ChangeWindow {
  const bad = (why: string) =>
    new Error(
      `clink:changeWindow "${text}" ${why}: write days, hours and a time zone, e.g. "Mon-Fri 22:00-06:00 Asia/Shanghai" or "Sat,Sun 00:00-24:00 UTC".`,
    );
  const [dayText, hourText, timeZone, ...more] = text.trim().split(/\s+/);
  if (dayText === undefined || hourText === undefined || timeZone === undefined || more.length > 0)
    throw bad("is not three parts");
  const days = new Set<number>();
  for (const item of dayText.toLowerCase().split(",")) {
    if (item === "daily") DAYS.forEach((_, i) => days.add(i));
    else {
      const [a = -1, b] = item.split("-").map((d) => DAYS.indexOf(d.slice(0, 3)));
      if (a < 0 || (b !== undefined && b < 0)) throw bad(`names no day in "${item}"`);
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (b === undefined || d === b) break;
      }
    }
  }
  const hours = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(hourText);
  if (!hours) throw bad("has no hours HH:MM-HH:MM");
  const [from, to] = [Number(hours[1]) * 60 + Number(hours[2]), Number(hours[3]) * 60 + Number(hours[4])];
  if (from > 24 * 60 || to > 24 * 60) throw bad("has an hour past 24:00");
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw bad(`has an unknown time zone "${timeZone}"`);
  }
  return { days, from, to, timeZone, text: text.trim() };
}

/** The weekday and minute of the day of `at` in the window's time zone. */
function localOf(at: Date, timeZone: string): { day: number; minute: number; text: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const day = DAYS.indexOf(get("weekday").toLowerCase().slice(0, 3));
  const minute = Number(get("hour")) * 60 + Number(get("minute"));
  return { day, minute, text: `${get("weekday")} ${get("hour")}:${get("minute")}` };
}

/**
 * Whether `at` falls in the window. A window that crosses midnight belongs to the day it starts
 * on: "Fri 22:00-06:00" holds Friday 23:00 and Saturday 05:00.
 */
export function inWindow(w: ChangeWindow, at: Date): boolean {
  const { day, minute } = localOf(at, w.timeZone);
  if (w.from <= w.to) return w.days.has(day) && minute >= w.from && minute < w.to;
  return (w.days.has(day) && minute >= w.from) || (w.days.has((day + 6) % 7) && minute < w.to);
}

/**
 * Flags a delete or replacement outside the window: a warning (advisory) or an error (mandatory).
 * Nothing when no window is configured.
 */
export async function checkWindow(what: string, step: string, now: Date = new Date()): Promise<void> {
  const config = changeWindowSettings();
  if (!config) return;
  const s = { window: parseWindow(config.text), enforcement: config.enforcement };
  if (inWindow(s.window, now)) return;
  const message =
    `${what}: its ${step} falls outside the change window ${s.window.text} (clink:changeWindow; now ${localOf(now, s.window.timeZone).text} there)` +
    (s.enforcement === "mandatory"
      ? ". It is not done: run the deployment inside the window, or set clink:changeWindowEnforcement to advisory."
      : ".");
  if (s.enforcement === "mandatory") throw new OutsideChangeWindowError(message);
  await warn(message);
}

/** The provider with its replacements (diff) and deletes checked against the change window. */
export function withChangeWindow(provider: dynamic.ResourceProvider, type: string): dynamic.ResourceProvider {
  const diff = provider.diff!;
  const remove = provider.delete!;
  return {
    ...provider,
    async diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      const result = await diff(id, olds, news);
      if ((result.replaces?.length ?? 0) > 0) await checkWindow(`${type} ${id}`, "replacement");
      return result;
    },
    async delete(id: string, props: Record<string, unknown>) {
      await checkWindow(`${type} ${id}`, "delete");
      return remove(id, props);
    },
  };
}
