/**
 * Renders provider/resources/<kind>/resource.ts: the Args a user writes, the outputs, the class
 * and its `get`, all from the resource's schema. A field is written once, in the schema.
 */
import {
  allowedText,
  codeLabel,
  descriptorOf,
  fieldTitle,
  keysText,
  neverReported,
  type FieldSpec,
} from "../../provider/schema/core";
import type { GeneratorInput } from "./index";
import { TypeWriter, type NamedObject } from "./ts-types";

/** A JSDoc block from doc text (`*\/` can never end it early). */
function jsdoc(lines: (string | undefined)[], indent = "  "): string {
  const body = lines
    .filter((l): l is string => !!l)
    .flatMap((l) => wrapText(l.replace(/\*\//g, "*\\/"), 100 - indent.length));
  if (body.length === 0) return "";
  const [only] = body;
  if (body.length === 1 && only !== undefined && only.length < 100) return `${indent}/** ${only} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} * ${l}`).join("\n")}\n${indent} */\n`;
}

/** Words wrapped to `width` columns (a long word stays whole). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** A documented default a JSDoc can show (objects are shown key by key). */
const plainDefault = (field: FieldSpec) =>
  field.default === undefined || (typeof field.default === "object" && field.default !== null)
    ? undefined
    : JSON.stringify(field.default);

/** What an undeclared field means: not managed; a create leaves the server's default (`@default`). */
const defaultNote = (field: FieldSpec) =>
  plainDefault(field) === undefined
    ? undefined
    : "Not declared: not managed (never sent, never compared); a new object gets the server's default.";

/** `@default 2 (round robin)`: the documented default, with its code's meaning. */
function defaultTag(f: FieldSpec): string | undefined {
  const shown = plainDefault(f);
  if (shown === undefined) return undefined;
  const meaning = codeLabel(descriptorOf(f.schema), f.default);
  return `@default ${shown}${meaning ? ` (${meaning})` : ""}`;
}

/**
 * The field's JSDoc text from its data: label and term, the prose, what it takes (range, unit,
 * codes, lengths: the descriptor), and each key of an object managed key by key.
 */
function fieldText(f: FieldSpec): string[] {
  const d = descriptorOf(f.schema);
  return [[`${fieldTitle(f)}.`, f.doc].filter((t) => t).join(" "), allowedText(d) ?? "", ...keysText(d, f.keyDefaults)];
}

/** The mark of a field the API never reports (issue 23): sent only when declared. */
const NEVER_REPORTED = "The API never reports it: drift cannot be seen. Sent only when declared.";

/** The field is declared by the user (not reported by the server). */
const declarable = (field: FieldSpec) => field.lifecycle !== "computed";

/** Required in the Args: the create endpoint needs it and adoption cannot do without it. */
const requiredArg = (field: FieldSpec) => !!field.required && !field.writeOnly;

/**
 * Always present in the outputs: required, or always reported. An undeclared field shows what the
 * server holds, when it answered it: never a promised default.
 */
const alwaysOutput = (field: FieldSpec) => (!!field.required && !field.writeOnly) || !!field.alwaysReported;

function namedInterfaces(named: NamedObject[], types: TypeWriter): string {
  return named
    .map((n) => {
      const members = (side: "args" | "output") =>
        n.fields
          .map(
            (f) =>
              jsdoc([f.doc]) +
              `  ${f.name}${f.optional ? "?" : ""}: ${types.wrap(types.typeOf(f.descriptor, side), side)};\n`,
          )
          .join("");
      return (
        `export interface ${n.name}Args {\n${members("args")}}\n\n` +
        `/** ${n.name}, as the outputs show it. */\nexport interface ${n.name} {\n${members("output")}}\n`
      );
    })
    .join("\n");
}

export function renderResource(d: GeneratorInput, header: string): { text: string; exports: string[] } {
  const { schema } = d;
  const T = schema.type;
  const types = new TypeWriter();
  const fields = Object.entries(schema.fields);
  const customArgs = d.programTypes.includes(`${T}Args`);
  const argsName = customArgs ? `${T}Fields` : `${T}Args`;
  const idWhat = schema.idDoc ?? schema.idFields.join(":");

  const argLines = fields
    .filter(([, f]) => declarable(f))
    .map(([name, f]) => {
      const optional = requiredArg(f) ? "" : "?";
      const adoptNote =
        f.required && f.writeOnly
          ? `Required to create; with \`adopt: true\` optional: the adopted ${schema.noun} keeps its own unless one is declared.`
          : undefined;
      return (
        jsdoc([
          ...fieldText(f),
          neverReported(f) ? NEVER_REPORTED : undefined,
          adoptNote,
          defaultNote(f),
          defaultTag(f),
        ]) + `  ${name}${optional}: ${types.wrap(types.type(f.schema, "args"), "args")};\n`
      );
    });
  for (const [name, doc] of Object.entries(schema.options ?? {}))
    argLines.push(jsdoc([doc, "@default false"]) + `  ${name}?: pulumi.Input<boolean>;\n`);
  // A singleton always exists and is always taken over: `adopt` would mean nothing.
  if (!schema.singletonId)
    argLines.push(
      jsdoc([
        `Take over the ${schema.noun} that already exists with this ${schema.idFields.join(" and ") || "id"} instead of failing: ` +
          `it is changed only where this declaration differs, and \`adopted\` reports true. Changing this later does nothing.`,
      ]) + `  adopt?: pulumi.Input<boolean>;\n`,
    );

  const outputType = (name: string, f: FieldSpec): string => {
    if (f.writeOnly) return "undefined";
    const t = f.outputType ?? types.type(f.schema, "output");
    return alwaysOutput(f) ? t : `${t} | undefined`;
  };
  const outputLines = fields.map(([name, f]) => {
    const doc = f.writeOnly
      ? "Always undefined: a write-only value is never kept in outputs (only a secret fingerprint of it)."
      : [`${fieldTitle(f)}.`, f.doc].filter((t) => t).join(" ");
    return jsdoc([doc]) + `  declare readonly ${name}: pulumi.Output<${outputType(name, f)}>;\n`;
  });
  outputLines.push(
    `  /** True when this resource took over an existing ${schema.noun} (\`adopt\`). */\n` +
      `  declare readonly adopted: pulumi.Output<boolean | undefined>;\n`,
  );

  const idParam =
    schema.idFields.length === 1 && !schema.idDoc ? schema.idFields[0] : schema.singletonId ? undefined : "id";
  const getter = idParam
    ? `  /** Reads an existing ${schema.noun} by ${idParam === "id" ? "its id" : idParam} without managing it (refresh keeps it current). */\n` +
      `  static get(name: string, ${idParam}: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ${T} {\n` +
      `    return new ${T}(name, {} as ${T}Args, { ...opts, id: ${idParam} });\n  }\n`
    : `  /** Reads the ${schema.noun} without managing it (refresh keeps it current). */\n` +
      `  static get(name: string, opts?: pulumi.CustomResourceOptions): ${T} {\n` +
      `    return new ${T}(name, {} as ${T}Args, { ...opts, id: ${JSON.stringify(schema.singletonId)} });\n  }\n`;

  const definition =
    `/** What clink.${T} registers as, and its program-side rules. */\n` +
    `const definition: ClassSpec<${T}Args, ${T}> = { ${[`kind: ${JSON.stringify(d.kind)}`, `schema: ${d.schemaExport}`, ...d.hooks].join(", ")} };\n`;
  // The class extends CustomResource itself (no base class of ours between): see
  // provider/program/clink-resource.ts for why the stack depth matters.
  const ctor =
    `  constructor(name: string, args: ${T}Args, opts?: pulumi.CustomResourceOptions) {\n` +
    `    const r = registerArgs(definition, name, args, opts);\n` +
    // State records the user's line, not the whole stack (provider/program/recorded-stack.ts).
    `    const restore = cutRecordedStack();\n` +
    `    try {\n` +
    `      super(r.type, name, r.props, r.opts);\n` +
    `    } finally {\n` +
    `      restore();\n` +
    `    }\n` +
    `    completeRegistration(this, definition, args, r);\n` +
    `  }\n`;

  const argsBlock =
    jsdoc([`The declaration of a clink.${T} (${schema.vendorTerm}).`], "") +
    `export interface ${argsName} {\n${argLines.join("")}}\n`;
  const classBlock =
    jsdoc([`clink.${T}: ${schema.vendorTerm}. Id: ${idWhat}. Fields and their rules: ./schema.ts.`], "") +
    `export class ${T} extends pulumi.CustomResource {\n${outputLines.join("")}\n${ctor}\n${getter}}\n`;

  const named = [...types.named.values()];
  const namedBlock = namedInterfaces(named, types);
  const enums = [...types.enums].sort();
  const constants = Object.keys(d.constants).sort();
  for (const e of enums)
    if (!constants.includes(e))
      throw new Error(`provider/resources/${d.folder}/schema.ts: a field takes ${e}, which the module does not export`);
  const programImports = [...d.hooks, ...(customArgs ? [`type ${T}Args`] : [])];
  const reexportedTypes = d.programTypes.filter((t) => t !== `${T}Fields`);

  const text =
    header +
    `import * as pulumi from "@pulumi/pulumi";\n` +
    (constants.length ? `import type { CodeOf } from "../../schema/core";\n` : "") +
    `import { completeRegistration, cutRecordedStack, registerArgs, type ClassSpec } from "../../program/clink-resource";\n` +
    `import { ${[d.schemaExport, ...constants].join(", ")} } from "./schema";\n` +
    (programImports.length ? `import { ${programImports.join(", ")} } from "./program";\n` : "") +
    "\n" +
    (constants.length ? `export { ${constants.join(", ")} };\n` : "") +
    constants.map((c) => `export type ${c} = CodeOf<typeof ${c}>;\n`).join("") +
    (reexportedTypes.length ? `export type { ${reexportedTypes.join(", ")} } from "./program";\n` : "") +
    "\n" +
    (namedBlock ? namedBlock + "\n" : "") +
    argsBlock +
    "\n" +
    definition +
    "\n" +
    classBlock;
  const exports = [
    T,
    `type ${T}Args`,
    ...(customArgs ? [`type ${T}Fields`] : []),
    ...constants,
    ...named.flatMap((n) => [`type ${n.name}Args`, `type ${n.name}`]),
    ...reexportedTypes.filter((t) => t !== `${T}Args`).map((t) => `type ${t}`),
  ];
  return { text, exports };
}
