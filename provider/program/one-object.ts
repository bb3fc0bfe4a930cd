/**
 * One server object, one resource. Two resources of a program that address the same object (two
 * Clients with one cno, two RestrictTel for one list and number, two ClientPhones for one agent or
 * one phone, ...) undo each other on every apply, and removing one from the program deletes the
 * object the other still declares (delete_restrict_tel removes every direction of a number, doc
 * 3.7.3). Each resource class registers the object it addresses here; the verdict travels to its
 * provider's check like the membership rules (provider/program/membership-claims.ts), so the preview fails before any call.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure, ResourceSchema } from "../schema/core";
import { judgeAfterProgramBody, perRun } from "./rules-gate";

type Args = Record<string, unknown>;

/** The first failure among several verdicts (a resource carries one verdict input). */
export function firstFailure(
  ...verdicts: Array<pulumi.Input<Failure | undefined> | undefined>
): pulumi.Output<Failure | undefined> | undefined {
  const present = verdicts.filter((v) => v !== undefined);
  if (present.length === 0) return undefined;
  return pulumi.all(present).apply((all) => all.find((f) => f !== undefined && f !== null) ?? undefined);
}

const plain = (v: unknown): v is string | number => typeof v === "string" || typeof v === "number";

/** What the API addresses one object by, for each of the schema's unique keys. */
function keysOf(schema: ResourceSchema): string[][] {
  return schema.uniqueKeys ?? [schema.idFields];
}

/**
 * The verdict for `who` (e.g. `clink.Client "alice"`): a failure when another resource of this
 * program run addresses the same object by any of the schema's unique keys.
 */
export function claimServerObject(schema: ResourceSchema, who: string, args: Args): pulumi.Output<Failure | undefined> {
  const verdicts = keysOf(schema).map((fields) => {
    const claims = perRun(`oneObject:${schema.type}:${fields.join("+")}`, () => new Map<string, Set<string>>());
    const values = fields.map((f) => args[f]);
    const now = values.every(plain) ? values.map((v) => String(v).trim()).join(":") : undefined;
    const key = pulumi
      .all(values as pulumi.Input<unknown>[])
      .apply((vs) => (vs.every(plain) ? vs.map((v) => String(v).trim()).join(":") : ""));
    return judgeAfterProgramBody<string>(
      key,
      now,
      (k) => {
        if (!k && fields.length > 0) return;
        const set = claims.get(k) ?? new Set<string>();
        set.add(who);
        claims.set(k, set);
      },
      (k): Failure | undefined => {
        const holders = claims.get(k);
        if (!holders || holders.size < 2) return undefined;
        const what = fields.length > 0 ? `${fields.join(" + ")} ${k}` : "the center's single setting";
        return {
          property: fields[0] ?? "settingValue",
          reason:
            `${[...holders].join(" and ")} both manage the ${schema.type} with ${what}: one server object needs exactly one resource ` +
            `(two would undo each other, and removing one from the program would delete the object the other declares). ` +
            `Keep one of them.${schema.oneObjectHint ? ` ${schema.oneObjectHint}` : ""}`,
        };
      },
    );
  });
  return firstFailure(...verdicts)!;
}
