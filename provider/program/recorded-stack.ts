/**
 * The call stack the engine records with every resource, cut to the declaring line.
 *
 * @pulumi/pulumi captures the whole JavaScript stack of each registration (`Resource.callsites`,
 * with `Error.stackTraceLimit` lifted to Infinity) and the engine keeps every frame in state as
 * `stackTrace` (pulumi/pulumi#20430), next to `sourcePosition`, the first of them. For a program
 * run by `pulumi up` or the Automation API that is the module loader's and the SDK's frames below
 * the user's line: about 400 bytes per resource, which a self-managed backend writes again after
 * every step (docs/design.md, State per resource). Around the class's `super(...)` call only, a
 * `prepareStackTrace` keeps the frames up to the user's `new` line, so state records that line as
 * `sourcePosition` and as the one frame of `stackTrace`; every other error is left alone.
 */

/**
 * Frames of the SDK's capture up to the user's line: `Resource.callsites` itself, then
 * `Resource.stackTrace`, `new Resource`, `new CustomResource`, the generated class, the user's
 * line. The SDK skips the first five (`Resource.stackTrace(4)` in @pulumi/pulumi resource.ts,
 * which assumes a class one level below CustomResource: provider/program/clink-resource.ts).
 */
const FRAMES_TO_USER_LINE = 6;

type Prepare = (error: Error, sites: NodeJS.CallSite[]) => unknown;

/** Installs the cut; the returned function puts back whatever was there. */
export function cutRecordedStack(): () => void {
  const previous = Error.prepareStackTrace as Prepare | undefined;
  const cut: Prepare = (error, sites) => {
    const kept = isSdkCapture(sites) ? sites.slice(0, FRAMES_TO_USER_LINE) : sites;
    // source-map-support (ts-node) or another hook formats, where one was installed.
    return previous ? previous(error, kept) : formatted(error, kept);
  };
  Error.prepareStackTrace = cut as typeof Error.prepareStackTrace;
  return () => {
    if (Error.prepareStackTrace === (cut as typeof Error.prepareStackTrace))
      Error.prepareStackTrace = previous as typeof Error.prepareStackTrace;
  };
}

/** The SDK's capture is the stack of an Error made in `Resource.callsites`. */
function isSdkCapture(sites: NodeJS.CallSite[]): boolean {
  return sites.length > FRAMES_TO_USER_LINE && sites[0]?.getFunctionName?.() === "callsites";
}

/** V8's own form, which the SDK parses: the error's first line, then one "    at" line per frame. */
function formatted(error: Error, sites: NodeJS.CallSite[]): string {
  const head = `${error.name}${error.message ? `: ${error.message}` : ""}`;
  return [head, ...sites.map((s) => `    at ${String(s)}`)].join("\n");
}
