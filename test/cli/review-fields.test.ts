/**
 * What a reviewer reads about each field (its label, its codes' meanings, its default, whether it
 * is a set or a secret) for every field of every kind, against a snapshot taken before the labels
 * and codes were read from field descriptors instead of the docs' prose and the validators' error
 * text (issue 25): nothing a user reads changed unless listed below as an improvement.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkedDefault,
  codesOf,
  fieldLabel,
  isPartlyDeclared,
  isSecretField,
  isSetField,
  keyLabel,
  knownKinds,
  lifecycle,
  setKeyField,
} from "../../cli/review/fields";
import { schemas } from "../../provider/resources/schemas";
import { present } from "../support/present";

type Table = Record<string, Record<string, Record<string, unknown>>>;

const snapshot = JSON.parse(fs.readFileSync(path.join(__dirname, "review-fields.snapshot.json"), "utf8")) as Table;

/** Deliberate improvements since the snapshot: kind.field (or kind.field.key) -> the new label. */
const IMPROVED_LABELS: Record<string, string> = {
  // Shorter labels where the leading phrase of the prose was a sentence.
  "ClientPhone.isReserveTel": "Also the reserve phone (是否同步为备用手机)",
  "Queue.joinEmpty": "Agent states counted as unavailable (队列为空时是否可以join)",
  "Queue.chatLocation": "Online-chat position push (排队位置推送)",
  "Queue.retry": "Retry delay after a ring timeout",
  "Queue.enterpriseId": "Enterprise (企业)",
  "Pause.pauseId": "Pause status id",
  "RestrictTel.createTime": "Created (创建时间)",
};

const codes = (c: ReturnType<typeof codesOf>) =>
  c === undefined
    ? null
    : { bitmask: c.bitmask, labels: Object.fromEntries([...c.labels].map(([k, v]) => [String(k), v])) };

function table(): Table {
  const out: Table = {};
  for (const kind of knownKinds()) {
    const s = present(schemas[kind], `the schema of ${kind}`);
    const rows: Record<string, Record<string, unknown>> = {};
    for (const field of [...Object.keys(s.fields), ...Object.keys(s.options ?? {})]) {
      const row: Record<string, unknown> = {
        label: fieldLabel(kind, field),
        codes: codes(codesOf(kind, field)),
        default: checkedDefault(kind, field) ?? null,
        set: isSetField(kind, field),
        setKey: setKeyField(kind, field) ?? null,
        secret: isSecretField(kind, field),
        partlyDeclared: isPartlyDeclared(kind, field),
        lifecycle: lifecycle(kind, field) ?? null,
      };
      const keys = snapshot[kind]?.[field]?.keys as Record<string, unknown> | undefined;
      if (keys)
        row.keys = Object.fromEntries(
          Object.keys(keys).map((k) => [k, { label: keyLabel(kind, field, k), codes: codes(codesOf(kind, field, k)) }]),
        );
      rows[field] = row;
    }
    out[kind] = rows;
  }
  return out;
}

function expected(): Table {
  const out = structuredClone(snapshot);
  for (const [at, label] of Object.entries(IMPROVED_LABELS)) {
    const [kind, field, key] = at.split(".");
    const row = present(out[kind ?? ""]?.[field ?? ""], `a snapshot row for ${at}`);
    if (key === undefined) row.label = label;
    else
      present((row.keys as Record<string, { label: string } | undefined>)[key], `a snapshot key for ${at}`).label =
        label;
  }
  return out;
}

describe("the review's field table", () => {
  it("is the snapshot's, field by field, for every kind (improvements listed)", () => {
    const now = table();
    expect(Object.keys(now)).toEqual(Object.keys(snapshot));
    const want = expected();
    for (const [kind, fields] of Object.entries(want)) {
      const got = now[kind] ?? {};
      expect(Object.keys(got), kind).toEqual(Object.keys(fields));
      for (const [field, row] of Object.entries(fields)) expect(got[field], `${kind}.${field}`).toEqual(row);
    }
  });

  it("covers every field with codes and every key of a partly declared object", () => {
    const rows = Object.values(snapshot).flatMap((fields) => Object.values(fields));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.codes !== null).length).toBeGreaterThan(35);
    expect(Object.keys(snapshot.Client?.permission?.keys ?? {})).toHaveLength(10);
  });
});
