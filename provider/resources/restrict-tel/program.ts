/**
 * Program-side rule of clink.RestrictTel: an `expirationTime` already past is said at preview.
 * The server keeps an expired entry and it blocks (or lets through) nothing (doc 3.7.1 list
 * answers 1662911999000 for an entry valid through 2022-09-11: expiry at the end of the day,
 * China time; its `expirationTimeFlag` 1 = 失效). A warning, not a refusal: the declaration was
 * valid when written, and a refusal would fail every preview of the stack from the day after the
 * date passes (docs/restrict-tel.md).
 */
import * as pulumi from "@pulumi/pulumi";
import { epochToShanghaiDay } from "./schema";
import type { RestrictTel, RestrictTelArgs } from "./resource";

/** The warning for a declared expiry day before today (Asia/Shanghai), else undefined. */
export function pastExpiry(who: string, day: unknown, now: number = Date.now()): string | undefined {
  if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const today = epochToShanghaiDay(now);
  if (day >= today) return undefined;
  return (
    `${who}: expirationTime ${day} is in the past (today is ${today}, China time): the server keeps the entry ` +
    `but it has expired and blocks or allows nothing. Set a later date, or remove the entry (or the date, to make it permanent).`
  );
}

export function registered(resource: RestrictTel, args: RestrictTelArgs): void {
  if (args.expirationTime === undefined) return;
  pulumi.all([resource.urn, args.expirationTime]).apply(([urn, day]) => {
    const message = pastExpiry(`clink.RestrictTel "${urn.split("::").pop()}"`, day);
    if (message) void pulumi.log.warn(message, resource);
  });
}
