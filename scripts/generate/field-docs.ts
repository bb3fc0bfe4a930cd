/**
 * Renders docs/fields.md from the schemas: every field of every resource with its lifecycle,
 * default and meaning (part of `npm run generate`).
 */
import {
  allowedText,
  descriptorOf,
  fieldTitle,
  keysText,
  neverReported,
  type FieldSpec,
  type ResourceSchema,
} from "../../provider/schema/core";

const LIFECYCLE: Record<string, string> = {
  identity: "identity (replace)",
  updatable: "updatable",
  replace: "replace",
  updateOnly: "updatable (sent by a follow-up update on create)",
  computed: "computed (read-only)",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function row(name: string, field: FieldSpec): string {
  const flags = [
    field.required ? "required" : "",
    field.secret ? "secret" : "",
    field.writeOnly ? "write-only" : "",
    neverReported(field) ? "**never reported: drift cannot be seen**" : "",
  ]
    .filter(Boolean)
    .join(", ");
  const def = field.default === undefined ? "" : `\`${JSON.stringify(field.default)}\``;
  // What it takes comes from the field's descriptor; the meaning is its label, term and prose.
  const d = descriptorOf(field.schema);
  const allowed = [allowedText(d) ?? "", ...keysText(d, field.keyDefaults)].filter((t) => t).join(" ");
  const meaning = [`${fieldTitle(field)}.`, field.doc].filter((t) => t).join(" ");
  return `| \`${name}\` | ${LIFECYCLE[field.lifecycle]}${flags ? `; ${flags}` : ""} | ${def} | ${cell(allowed)} | ${cell(meaning)} |`;
}

export function renderFieldDocs(schemas: Record<string, ResourceSchema>): string {
  const out = [
    "# Fields and their lifecycles",
    "",
    "Generated from `provider/resources/*/schema.ts` by `npm run generate`; do not edit by hand.",
    "",
    "Lifecycle: **identity** is the natural key (a change replaces the object); **updatable** fields change in place;",
    "**replace** fields are absent from the update endpoint, so a change replaces the object (delete first when the",
    "natural key stays the same); **computed** fields are reported by the server. A field the program does not",
    "declare is not managed: never sent (except where the create endpoint requires it), never compared, and its",
    "output is what the server holds. The default column is the documented server default a new object gets; the",
    "takes column is what `check` accepts (ranges, units, codes, lengths), written from the field builders' data.",
    "Fields marked **never reported** are absent from the API's answers (the describe tables of the document):",
    "they are sent only when declared and compared with the last declared value only, so drift cannot be seen.",
    "Write-only fields (passwords) are never read back either, and are kept as Pulumi secrets.",
    "",
  ];
  for (const [type, schema] of Object.entries(schemas)) {
    const id = schema.idDoc ?? schema.idFields.join(" + ");
    const keys = schema.uniqueKeys ?? [schema.idFields];
    const one = keys.every((k) => k.length === 0)
      ? "One resource of this kind per program: the center has one."
      : `One resource per ${keys.map((k) => k.join(" + ")).join(", and one per ")} in a program (two are refused at preview).`;
    out.push(`## ${type} (${schema.vendorTerm})`, "", `Id: ${id}.`, "", one, "");
    out.push("| field | lifecycle | default | takes | meaning |", "| --- | --- | --- | --- | --- |");
    for (const [name, field] of Object.entries(schema.fields)) out.push(row(name, field));
    out.push("");
  }
  return out.join("\n");
}
