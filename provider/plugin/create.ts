/**
 * create, in three steps: find the object to take over (opt-in adoption), else create it (and
 * after an ambiguous answer, find out whether it landed), then write what the create endpoint
 * lacks or what differs on the object found. Each step hands the next what it found; nothing is
 * shared between them but the call's context.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ClinkApiError, type ClinkClient } from "../api";
import { compare, declaredFormOf, idOf, payload, updateOnlyDeclared, type Inputs } from "../schema/ops";
import { ADOPTION_INPUT } from "../schema/wire";
import { adoptExisting } from "../settings";
import { toConverge, withRequiredOnUpdate } from "./converge";
import { newClaim, takenThisDeployment } from "./deployment";
import { alreadyExists, AlreadyExistsError, call, connect, CreateNeedsFieldsError, explain } from "./errors";
import { ProviderRefusal } from "./refusals";
import { outputs } from "./outputs";
import type { ProviderSpec } from "./spec";

/** Waits before each look-up after an ambiguous create (answer lost or timed out): 7 s in all. */
const AMBIGUOUS_CREATE_LOOKUPS_MS = [0, 1000, 2000, 4000];

/** One create call: the resource, its declaration and the client. */
interface Context {
  def: ProviderSpec;
  client: ClinkClient;
  inputs: Inputs;
  naturalId: string;
  /** The resource as messages name it (`Client 1001`). */
  label: string;
}

/** What the first two steps found or made. */
interface Made {
  /** The object as the server answered or reported it; undefined when the create answer carries none. */
  remote: Inputs | undefined;
  /** True when an existing object was taken over (opt-in `adopt`). */
  adopted: boolean;
  /** True when an ambiguous create turned out to have landed. */
  recovered: boolean;
  /** Fields recorded as the server holds them, not as declared (the next preview shows the replacement). */
  asFound: Inputs;
}

export async function create(def: ProviderSpec, checked: Inputs): Promise<dynamic.CreateResult> {
  const { [ADOPTION_INPUT]: _adoption, ...inputs } = checked;
  const naturalId = idOf(def.schema, inputs);
  const ctx: Context = { def, client: connect(), inputs, naturalId, label: `${def.schema.type} ${naturalId}` };
  const adopted = inputs.adopt === true || adoptExisting() ? await adopt(ctx) : undefined;
  return converge(ctx, adopted ?? (await createNew(ctx)));
}

const lookup = (ctx: Context): Promise<Inputs | undefined> =>
  (ctx.def.api.lookup ?? ctx.def.api.read)(ctx.client, ctx.naturalId, ctx.inputs);

/**
 * The fields of a found object that differ from the declaration where no update reaches, after
 * `complete` made what it can, with the object as it is then (undefined: gone meanwhile). An
 * interrupted run (a killed engine) can leave an object half made: a list entry with one of its
 * two directions.
 */
async function unreachable(ctx: Context, found: Inputs): Promise<{ remote: Inputs | undefined; differ: string[] }> {
  const { schema, api } = ctx.def;
  const differ = compare(schema, declaredFormOf(schema, found, {}), ctx.inputs).replaces;
  if (differ.length === 0 || !api.complete) return { remote: found, differ };
  const now = await call(ctx.label, "complete the object found", () =>
    api.complete!(ctx.client, found, ctx.inputs, payload(schema, "create", ctx.inputs)),
  );
  const remote = now ?? (await call(ctx.label, "look up", () => lookup(ctx)));
  if (!remote) return { remote: undefined, differ: [] };
  return { remote, differ: compare(schema, declaredFormOf(schema, remote, {}), ctx.inputs).replaces };
}

/** The object to take over, or undefined when there is none (then it is created). */
async function adopt(ctx: Context): Promise<Made | undefined> {
  const { schema, api } = ctx.def;
  const found = await call(ctx.label, "look up for adoption", () => lookup(ctx));
  if (found === undefined || !(api.blocksCreate?.(found, ctx.inputs) ?? true)) return undefined;
  const { remote, differ } = await unreachable(ctx, found);
  if (!remote) return undefined; // gone meanwhile: create it
  let asFound: Inputs = {};
  if (differ.length > 0) {
    // Taken over as it is: state says what the server holds, so the next preview shows the
    // replacement that makes it as declared, instead of a state that claims it already is.
    const seen = declaredFormOf(schema, remote, {});
    asFound = Object.fromEntries(differ.map((f) => [f, seen[f]]));
    console.log(
      `pulumi-clink: ${ctx.label} was taken over as it is; ${differ.join(", ")} differ${differ.length === 1 ? "s" : ""} ` +
        `from the declaration and no update can change ${differ.length === 1 ? "it" : "them"}: the next \`pulumi up\` replaces it.`,
    );
  }
  return { remote, adopted: true, recovered: false, asFound };
}

/** A real create: one call, refused when the object exists, recovered when its answer was lost. */
async function createNew(ctx: Context): Promise<Made> {
  const { schema, api } = ctx.def;
  const { inputs, naturalId } = ctx;
  // Without a found object this is a real create: write-only fields the adoption let go
  // (passwords) are needed now.
  const missing = Object.entries(schema.fields).filter(([n, f]) => f.required && inputs[n] === undefined);
  if (missing.length > 0)
    throw new CreateNeedsFieldsError(
      `${ctx.label} does not exist in the center, so adopting it is impossible and creating it needs ` +
        `${missing.map(([n]) => `'${n}'`).join(", ")}: declare ${missing.length > 1 ? "them" : "it"} ` +
        `(a password as a Pulumi secret, e.g. config.requireSecret).`,
    );
  const body = payload(schema, "create", inputs);
  if (api.existsCodes.length === 0 && !api.guardsCreate) {
    // Nothing would refuse a second object with this key: look first.
    const found = await call(ctx.label, "look up before create", () => lookup(ctx));
    if (found && (api.blocksCreate?.(found, inputs) ?? true))
      throw new AlreadyExistsError(alreadyExists(schema, naturalId));
  }
  try {
    const remote = await api.create(ctx.client, body, inputs);
    return { remote, adopted: false, recovered: false, asFound: {} };
  } catch (err) {
    if (err instanceof ProviderRefusal && err.kind === "alreadyExists")
      throw new AlreadyExistsError(alreadyExists(schema, naturalId));
    if (err instanceof ClinkApiError && api.existsCodes.includes(err.code))
      throw new AlreadyExistsError(alreadyExists(schema, naturalId, err.code));
    if ((err instanceof ClinkApiError || err instanceof ProviderRefusal) && err.outcomeUnknown)
      return recover(ctx, err);
    throw explain(ctx.label, "create", err, api.hints);
  }
}

/**
 * Never create blindly twice: see whether the first attempt landed (docs/design.md, Ambiguous
 * creates). A request that timed out may still be applied a moment later: look a few times.
 */
async function recover(ctx: Context, err: Error): Promise<Made> {
  const { hints } = ctx.def.api;
  let found: Inputs | undefined;
  for (const wait of AMBIGUOUS_CREATE_LOOKUPS_MS) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    found = await call(ctx.label, "look up after an ambiguous create", () => lookup(ctx));
    if (found) break;
  }
  if (!found) throw explain(ctx.label, "create", err, hints);
  // What landed must be what was asked in every field an update cannot change (a list
  // entry missing one of its directions is not this resource's object yet).
  const { remote, differ } = await unreachable(ctx, found);
  if (!remote) throw explain(ctx.label, "create", err, hints);
  if (differ.length > 0)
    throw explain(
      ctx.label,
      `create (it landed only in part: ${differ.join(", ")} differ${differ.length === 1 ? "s" : ""})`,
      err,
      hints,
    );
  return { remote, adopted: false, recovered: true, asFound: {} };
}

/**
 * The object exists now: claim it for this deployment, write what the create endpoint lacks and,
 * on an object found (adopted, or an ambiguous create that did land: whatever the create call did
 * after its first request may not have happened), what differs from the declaration.
 */
async function converge(ctx: Context, made: Made): Promise<dynamic.CreateResult> {
  const { schema, api } = ctx.def;
  const { inputs } = ctx;
  const { adopted, asFound } = made;
  const id = api.idAfterCreate ? await api.idAfterCreate(ctx.client, inputs, made.remote) : ctx.naturalId;
  const label = `${schema.type} ${id}`;
  const claim = newClaim();
  takenThisDeployment.set(`${schema.type}:${id}`, claim);
  const pending =
    adopted || made.recovered ? toConverge(schema, made.remote ?? {}, inputs) : updateOnlyDeclared(schema, inputs);
  let remote = made.remote;
  if (pending.length > 0) {
    try {
      const values = await withRequiredOnUpdate(schema, inputs, remote, () =>
        call(label, "read before update", () => api.read(ctx.client, id, inputs)),
      );
      const updated = await api.update(ctx.client, id, payload(schema, "update", values, pending), inputs, pending);
      if (updated) remote = { ...(made.remote ?? {}), ...updated };
    } catch (err) {
      // The object exists now: hand the engine its id so it is not orphaned (partial state).
      throw Object.assign(explain(label, adopted ? "converge adopted object" : "complete create", err, api.hints), {
        id,
        properties: outputs(schema, { ...inputs, ...asFound }, remote, { adopted, claim }),
      });
    }
  }
  return { id, outs: outputs(schema, { ...inputs, ...asFound }, remote, { adopted, claim }) };
}
