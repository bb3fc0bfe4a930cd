/**
 * The files of an exported project, as text: Pulumi.yaml, package.json, tsconfig.json,
 * .gitignore, index.ts (the entry point: it imports one module per kind, and each module declares
 * its objects at top level) and the modules. Nothing in them depends on the time, the machine or
 * the order the API answered in: the same center gives the same bytes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { moduleVar, type Declaration, type ExportModel } from "./declare";
import { neverReported, type ResourceSchema } from "./definitions";
import { kindInfo, type Kind } from "./kinds";
import { packageSource, type PackageSource } from "./package-source";
import { declaration, docComment } from "./print";

export interface ProjectInfo {
  project: string;
  /** The endpoint's host, named in the headers (never a key). */
  host: string;
}

interface OwnPackage {
  version: string;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** pulumi-clink's own package.json (source and dist layouts differ: walk up to it), and its directory. */
function ownPackage(): OwnPackage & { dir: string } {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as OwnPackage & { name?: string };
      if (pkg.name === "pulumi-clink") return { ...pkg, dir };
    }
    if (path.dirname(dir) === dir) throw new Error("pulumi-clink export: cannot find pulumi-clink's package.json");
  }
}

/**
 * The fields the API never reports (issue 23), each as a commented-out line with the warning: the
 * export cannot know their values, and leaving them out silently would hide that. Deprecated
 * fields (字段废弃) are left out.
 */
function neverReportedLines(schema: ResourceSchema): string[] {
  return Object.entries(schema.fields)
    .filter(([, f]) => neverReported(f) && !f.doc.startsWith("Deprecated"))
    .map(([name]) => `${name}: ?, // the API never reports it: drift cannot be seen; declare it to manage it`);
}

function moduleText(kind: Kind, decls: Declaration[], info: ProjectInfo): string {
  const k = kindInfo(kind);
  const uses = new Set<Kind>();
  for (const d of decls) for (const u of d.uses) uses.add(u);
  const header = docComment([
    `${k.title.charAt(0).toUpperCase()}${k.title.slice(1)}: ${decls.length},`,
    `exported from ${info.host} by \`pulumi-clink export\`. Each resource takes its object over (adopt: true)`,
    "and changes only what its declaration changes; fields at their documented default are not declared.",
    ...k.header,
  ]);
  const imports = [
    'import * as clink from "pulumi-clink";',
    ...[...uses].sort().map((u) => `import * as ${moduleVar(u)} from "./${kindInfo(u).module}";`),
  ];
  const unreported = neverReportedLines(k.schema);
  const body = decls.map((d) => declaration(d.ident, k.schema.type, d.args, d.notes, unreported));
  return [header, imports.join("\n"), ...body].join("\n\n") + "\n";
}

/** Words into lines of at most 106 characters (the comment's width). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= 106) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function indexText(model: ExportModel, info: ProjectInfo, source: PackageSource): string {
  const lines = [
    `The Clink center at ${info.host}, as \`pulumi-clink export\` read it. Loading this program declares it`,
    "(each module below declares its objects when imported).",
    "",
    "Every resource has adopt: true: the first `pulumi up` takes each object over instead of creating it, and",
    "writes nothing while the code matches the center. Review it, run `pulumi preview`, then `pulumi up`.",
    "Afterwards `adopt` may stay or go: it only matters for an object that does not exist in this stack yet.",
    "",
    ...wrap(`Install with \`npm install\`: package.json pins pulumi-clink to "${source.spec}". ${source.how}`),
  ];
  const imports = [...model.byKind.keys()].map((k) => `import "./${kindInfo(k).module}";`);
  return [docComment(lines), imports.join("\n")].join("\n\n") + "\n";
}

/** The project's files by relative path. */
export function projectFiles(model: ExportModel, info: ProjectInfo): Map<string, string> {
  const own = ownPackage();
  const source = packageSource(own.dir, own.version);
  const files = new Map<string, string>();
  files.set(
    "Pulumi.yaml",
    [
      `name: ${info.project}`,
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      `description: The Clink center at ${info.host}, exported by pulumi-clink export.`,
      "",
    ].join("\n"),
  );
  const pkg = {
    name: info.project,
    private: true,
    main: "index.ts",
    scripts: { typecheck: "tsc --noEmit" },
    dependencies: {
      "@pulumi/pulumi": own.peerDependencies?.["@pulumi/pulumi"] ?? "^3.230.0",
      "pulumi-clink": source.spec,
    },
    devDependencies: {
      "@types/node": own.devDependencies?.["@types/node"] ?? "^20.19.0",
      typescript: own.devDependencies?.typescript ?? "~5.9.3",
    },
  };
  files.set("package.json", JSON.stringify(pkg, null, 2) + "\n");
  files.set(
    "tsconfig.json",
    [
      "{",
      '  "compilerOptions": {',
      '    "target": "ES2022",',
      '    "module": "node16",',
      '    "moduleResolution": "node16",',
      '    "strict": true,',
      '    "esModuleInterop": true,',
      '    "skipLibCheck": true,',
      '    "types": ["node"]',
      "  },",
      '  "include": ["*.ts"]',
      "}",
      "",
    ].join("\n"),
  );
  files.set(".gitignore", "node_modules/\n");
  // The layout the files are written in (pulumi-clink's own prettier config), so that prettier
  // run in the project leaves them as they are.
  files.set(".prettierrc.json", '{ "printWidth": 120 }\n');
  files.set("index.ts", indexText(model, info, source));
  for (const [kind, decls] of model.byKind) files.set(`${kindInfo(kind).module}.ts`, moduleText(kind, decls, info));
  return files;
}

/**
 * Writes the files into `dir`: a new or empty directory, or with `force` one whose other files
 * are kept. Written to a temporary name first and renamed, so an interrupted export leaves no
 * half-written module.
 */
export function writeProject(dir: string, files: Map<string, string>, force: boolean): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`--out ${dir} is a file, not a directory.`);
    const present = fs.readdirSync(dir);
    if (present.length > 0 && !force)
      throw new Error(
        `--out ${dir} is not empty (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", ..." : ""}); pick a new directory, or add --force to overwrite the export's files there.`,
      );
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    const target = path.join(dir, name);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  }
}
