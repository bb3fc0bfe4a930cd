/** The export's options as a user's command line gives them: a simulator, a key, unpaced unless flags say otherwise. */
import { parseExportArgs, type ExportOptions } from "../../cli/export";

export function exportArgs(
  out: string,
  endpoint: string,
  key: { accessKeyId: string; accessKeySecret: string },
  ...flags: string[]
): ExportOptions {
  const o = parseExportArgs([
    "--out",
    out,
    "--endpoint",
    endpoint,
    "--access-key-id",
    key.accessKeyId,
    "--access-key-secret",
    key.accessKeySecret,
    "--rate",
    "0",
    "--quiet",
    ...flags,
  ]);
  if (o === "help") throw new Error("unexpected help");
  return o;
}
