/**
 * Check failures that print no secret. The engine prints a failure that names a property as
 * "property '<name>' value <the checked input> has a problem: <reason>" (@pulumi/pulumi's engine,
 * pkg/resource/deploy issueCheckFailures, diagnostic 2003), to the CLI output and the event log,
 * and a Pulumi secret prints there as its plain value (`{&{{…}}}`). A failure with no property is
 * printed without a value ("has a problem: <reason>", diagnostic 2002). So a failure on a secret
 * field (an agent or phone password) is handed over without a property, the field named in its
 * reason, and the value itself scrubbed from the reason in case a rule quoted it. A failure for a
 * missing or empty value keeps its property: there is nothing to print.
 */
import type { ResourceSchema } from "../schema/core";

export interface CheckFailure {
  property: string;
  reason: string;
}

/** The failures as the engine may print them: none names a secret field as its property. */
export function withoutSecretValues(
  schema: ResourceSchema,
  failures: readonly CheckFailure[],
  news: Record<string, unknown>,
): CheckFailure[] {
  const secret = Object.entries(schema.fields)
    .filter(([, f]) => f.secret || f.writeOnly)
    .map(([n]) => n);
  const fieldOf = (property: string) =>
    secret.find((n) => property === n || property.startsWith(`${n}.`) || property.startsWith(`${n}[`));
  const values = secret
    .map((n) => news[n])
    .filter((v): v is string | number => (typeof v === "string" && v.length >= 4) || typeof v === "number")
    .map(String);
  const scrub = (text: string) => values.reduce((t, v) => t.split(v).join("[secret]"), text);
  return failures.map((f) => {
    const field = fieldOf(f.property);
    // A missing or empty value has nothing to print: the failure keeps its property.
    const value = field === undefined ? undefined : news[field];
    if (field === undefined || value === undefined || value === null || value === "")
      return { property: f.property, reason: scrub(f.reason) };
    const reason = scrub(f.reason);
    // The schema's reason names the field already ("Client field 'password' must be ..."); say it once.
    const named = reason.includes(field) ? reason : `${f.property}: ${reason}`;
    return { property: "", reason: /value hidden/.test(named) ? named : `${named} (value hidden: secret)` };
  });
}
