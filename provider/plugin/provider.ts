/**
 * The mechanics every resource provider shares: check (validate + normalize from the schema),
 * diff (exact, from normalized inputs), create with adoption and ambiguous-outcome recovery,
 * read for refresh and `get`, update with one call, delete with refusals explained.
 *
 * A resource supplies only its schema and the few API calls that differ per endpoint (`ResourceApi`).
 */
import { randomBytes } from "node:crypto";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ClinkApiError, type ClinkClient } from "../api";
import { changeTag, isSealed } from "../api/sealed";
import { containsUnknown, neverReported, type FieldSpec, type ResourceSchema } from "../schema/core";
import {
  asLists,
  compare,
  deepEqual,
  fromRemote,
  idOf,
  normalize,
  optionNames,
  payload,
  updateOnlyDeclared,
  withoutUndefined,
  withoutWriteOnly,
  fingerprintsOf,
  FINGERPRINTS,
  WRITE_ONLY_TAGS,
  type Inputs,
} from "../schema/ops";
import { adoptExisting, apiClient } from "../settings";
import { ProviderOutcome } from "./outcomes";
import { withoutSecretValues } from "./secret-failures";

/**
 * An error for the person running the deployment: the message says what happened and what to do.
 * The dynamic-provider plugin prints `${error}: ${error.stack}` to the engine's output, so the
 * stack is left empty: a user sees the sentence, not our call frames.
 */
export class ClinkProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "pulumi-clink";
    this.stack = "";
  }
}

/** The per-endpoint part of a resource. `remote` objects are describe-shaped (API field names). */
export interface ResourceApi {
  /** One call. Returns the created object when the answer carries it. */
  create(api: ClinkClient, body: Inputs, inputs: Inputs): Promise<Inputs | undefined>;
  /** Describe by id; `undefined` when the object does not exist. */
  read(api: ClinkClient, id: string, state: Inputs): Promise<Inputs | undefined>;
  /** `changed`: the declared fields this update changes (what the preview showed). */
  update(api: ClinkClient, id: string, body: Inputs, news: Inputs, changed: string[]): Promise<Inputs | undefined>;
  delete(api: ClinkClient, id: string, state: Inputs): Promise<void>;
  /**
   * Finds the object by its natural key (for adoption and for recovery after an ambiguous create),
   * when that differs from the id `read` takes (server ids). Default: `read`.
   */
  lookup?(api: ClinkClient, naturalId: string, inputs: Inputs): Promise<Inputs | undefined>;
  /** The id a create produced, when it is not the natural key (server ids). Default: the natural key. */
  idAfterCreate?(api: ClinkClient, inputs: Inputs, created: Inputs | undefined): Promise<string>;
  /** API error codes that mean "already exists" on create (so `adopt` applies). */
  existsCodes: string[];
  /**
   * create looks for an existing object itself and throws alreadyExistsOutcome (a list entry, a
   * binding, a membership), or there is nothing to guard (a singleton). Otherwise, with no
   * `existsCodes` either (the document names no refusal: a number group, a pause), the generic
   * create looks the object up before creating it.
   */
  guardsCreate?: boolean;
  /**
   * Whether an object `lookup` found stands in the way of creating this one (default: yes). A
   * phone binding already to the declared phone does not: binding is idempotent.
   */
  blocksCreate?(remote: Inputs, inputs: Inputs): boolean;
  /**
   * An object found where this resource is to be created (adoption, or a create whose answer was
   * lost) that lacks part of what create makes, in fields no update can change: make the rest
   * (a list entry listed in one of its two directions: the other). Returns the object as it is
   * now, or undefined to look it up again.
   */
  complete?(api: ClinkClient, remote: Inputs, inputs: Inputs, body: Inputs): Promise<Inputs | undefined>;
  /** What to tell the user for an API refusal, by code, or for a provider outcome, by kind (outcomes.ts). */
  hints?: Record<string, string>;
}

export interface ResourceDefinition {
  schema: ResourceSchema;
  api: ResourceApi;
}

/** Properties the provider records besides the fields. */
interface Bookkeeping {
  /** True when create took over an object that already existed (opt-in `adopt`). */
  adopted?: boolean;
  /** The token of the create that made the object this resource's own (takenThisDeployment). */
  claim?: unknown;
  /** The write-only fields' previous fingerprints. */
  prints?: unknown;
  /** The previous outputs (update): an undeclared field the answer leaves out keeps its value there. */
  previous?: Inputs;
}

/**
 * The input under which a resource carries a program-side verdict (provider/program/membership-claims.ts: two owners of
 * one queue's members, two default pauses; RestrictTelSetting's typed form): a `Failure` that
 * check reports, so the engine applies nothing of that resource.
 */
export const CONFLICT_INPUT = "__ownershipConflict";

/**
 * The input a resource carries while its program runs a preview (provider/program/registration.ts):
 * check then looks a new object up, so the preview already fails as the up would. Not during an
 * up: the engine runs checks one at a time, so a look-up per new resource (paced, 3 per second
 * per endpoint) held up the whole deployment (bench/RESULTS.md); create finds the object itself.
 */
export const PREVIEW_INPUT = "__preview";

/**
 * Checked-inputs bookkeeping of an adopting create in a preview (`adopt: true` or
 * clink:adoptExisting): what the adoption changes on the object found, `{ field: { from, to } }`,
 * empty when it adopts the object unchanged. The engine's preview prints it with the create, and
 * `pulumi-clink review` reads it from the event log (cli/review). Never holds a secret: a
 * write-only or secret field shows as "(secret)".
 */
export const ADOPTION_INPUT = "__adoption";

/** A describe call whose ResourceNotFound means "gone": undefined instead of an error. */
export async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ClinkApiError && err.code === "ResourceNotFound") return undefined;
    throw err;
  }
}

/**
 * The objects this provider process created or took over, by kind and id. One process serves one
 * deployment, and the engine runs creates before the deletes of resources the program dropped: a
 * delete of an object that another resource of the same deployment has just created or adopted
 * (a rename followed by `adopt: true`, a resource moved into a component) only drops the old
 * resource from the state and leaves the object alone.
 */
const takenThisDeployment = new Map<string, string>();

/**
 * Natural keys this process's diff found replaced. For a replacement the engine checks the new
 * inputs again with no old inputs; the object found then is the one being replaced, not a collision.
 */
const replacingThisDeployment = new Set<string>();

/** The output under which a resource carries the token of the create that made it its own. */
const CLAIM = "__claim";

/** The output listing the fields the last declaration held (what `read` returns as inputs). */
const DECLARED = "__declared";

/**
 * The output listing, per partly declared object (`partialKeys`: an agent's permission), the keys
 * the last declaration held: `read` returns only these as inputs. State without it (before 0.2.0's
 * fix) keeps the whole object, as it did.
 */
const DECLARED_KEYS = "__declaredKeys";

/**
 * The "already exists" sentence, at preview (check) and at create: a rename or a move is the
 * likely cause inside a stack, adoption the answer for objects made outside it.
 */
export function alreadyExists(schema: ResourceSchema, naturalId: string, code?: string): string {
  const kind = schema.type;
  return (
    `${kind} ${naturalId} already exists in the center${code ? ` (${code})` : ""}. ` +
    `Did you rename this resource or move it into a component? Then tell Pulumi it is the same resource, and nothing is created or deleted: ` +
    `add \`aliases\` to its options, e.g. new clink.${kind}("new-name", { ... }, { aliases: [{ name: "old-name" }] }). ` +
    `If the ${kind.toLowerCase()} was made outside this stack (the Clink console, another tool or stack), set \`adopt: true\` on the resource ` +
    `to manage it here, or read it without managing it with clink.${kind}.get(name, "${naturalId}"). ` +
    `After an interrupted run of this stack, run \`pulumi up\` once with clink:adoptExisting set to true.`
  );
}

/** Waits before each look-up after an ambiguous create (answer lost or timed out): 7 s in all. */
const AMBIGUOUS_CREATE_LOOKUPS_MS = [0, 1000, 2000, 4000];

/**
 * The provider of one resource. Every value it hands the engine (check inputs, create and update
 * outputs, read props and inputs, partial state) goes through `withoutUndefined`.
 */
export function makeProvider(def: ResourceDefinition): dynamic.ResourceProvider {
  const inner = makeRawProvider(def);
  const writeOnly = Object.keys(def.schema.fields).filter((n) => def.schema.fields[n].writeOnly);
  /** Seals (check) or opens (create, update, diff) the write-only values: see provider/api/sealed.ts. */
  const convert = (values: Inputs, how: "seal" | "unseal"): Inputs => {
    const present = writeOnly.filter((n) => typeof values[n] === "string" && !containsUnknown(values[n]));
    if (present.length === 0) return values;
    const client = connect();
    const out: Inputs = { ...values };
    for (const n of present) {
      const v = how === "seal" ? client.seal(out[n] as string) : client.unseal(out[n] as string);
      if (v === undefined)
        throw new ClinkProviderError(
          `${def.schema.type}: '${n}' was sealed under another access key secret; run the deployment again (its preview seals it anew).`,
        );
      out[n] = v;
    }
    return out;
  };
  return {
    async check(olds: Inputs, news: Inputs) {
      const r = await inner.check!(olds, convert(news, "unseal"));
      const inputs = convert(withoutUndefined(r.inputs ?? {}), "seal");
      const tags = Object.fromEntries(
        writeOnly
          .filter((n) => isSealed(inputs[n]))
          .map((n) => [n, changeTag(inputs[n] as string, `${def.schema.type}:${idOf(def.schema, inputs)}:${n}`)]),
      );
      if (Object.keys(tags).length > 0) inputs[WRITE_ONLY_TAGS] = tags;
      return { inputs, failures: r.failures && withoutSecretValues(def.schema, r.failures, news) };
    },
    diff: (id: string, olds: Inputs, news: Inputs) => inner.diff!(id, convert(olds, "unseal"), convert(news, "unseal")),
    async create(sealed: Inputs) {
      const inputs = convert(sealed, "unseal");
      try {
        const r = await inner.create(inputs);
        return { id: r.id, outs: withoutUndefined(r.outs) };
      } catch (err) {
        const partial = err as { properties?: unknown };
        if (partial && typeof partial === "object" && partial.properties !== undefined)
          partial.properties = withoutUndefined(partial.properties);
        throw err;
      }
    },
    async read(id: string, props: Inputs) {
      const r = await inner.read!(id, props);
      return {
        ...r,
        ...(r.props !== undefined ? { props: withoutUndefined(r.props) } : {}),
        ...(r.inputs !== undefined ? { inputs: withoutUndefined(r.inputs) } : {}),
      };
    },
    async update(id: string, olds: Inputs, news: Inputs) {
      const r = await inner.update!(id, convert(olds, "unseal"), convert(news, "unseal"));
      return { ...r, ...(r.outs !== undefined ? { outs: withoutUndefined(r.outs) } : {}) };
    },
    delete: (id: string, props: Inputs) => inner.delete!(id, props),
  };
}

function makeRawProvider(def: ResourceDefinition): dynamic.ResourceProvider {
  const { schema, api } = def;
  const label = (id: string) => `${schema.type} ${id}`;

  return {
    async check(olds: Inputs, news: Inputs) {
      const { [CONFLICT_INPUT]: conflict, [PREVIEW_INPUT]: previewing, ...declared } = news;
      const { inputs, failures } = normalize(schema, declared, { adopting: adoptExisting() });
      if (conflict && typeof conflict === "object" && "reason" in conflict)
        failures.unshift(conflict as { property: string; reason: string });
      // A create (no previous inputs): one look-up tells already at preview whether it would fail,
      // or, for an adoption, what it changes on the object found.
      const creating = Object.keys(olds).filter((k) => !k.startsWith("__")).length === 0;
      const keyKnown = schema.idFields.every((f) => inputs[f] !== undefined && !containsUnknown(inputs[f]));
      const naturalId = keyKnown ? idOf(schema, inputs) : "";
      const replacing = replacingThisDeployment.has(`${schema.type}:${naturalId}`);
      const looking = previewing === true && creating && keyKnown && !replacing;
      if (failures.length === 0 && looking) {
        const adopting = inputs.adopt === true || adoptExisting();
        const client = connect();
        const found = await call(label(naturalId), adopting ? "look up for adoption" : "look up before create", () =>
          (api.lookup ?? api.read)(client, naturalId, inputs),
        );
        const blocks = found !== undefined && (api.blocksCreate?.(found, inputs) ?? true);
        if (blocks && !adopting)
          failures.push({ property: schema.idFields[0] ?? "id", reason: alreadyExists(schema, naturalId) });
        if (blocks && adopting) {
          const changes = adoptionChanges(schema, found, inputs);
          inputs[ADOPTION_INPUT] = changes;
          // The plugin's standard output reaches the user as an info message of the preview.
          console.log(`pulumi-clink: ${adoptionSentence(label(naturalId), changes)}`);
        }
      }
      return { inputs, failures };
    },

    async diff(id: string, olds: Inputs, news: Inputs) {
      // Only declared fields are compared (compare skips what `news` leaves out): an undeclared
      // field is not managed, whatever the server or the state holds for it.
      const { changed, replaces } = compare(schema, olds, news);
      const keyKept = !schema.idFields.some((f) => changed.includes(f));
      if (replaces.length > 0 && keyKept) replacingThisDeployment.add(`${schema.type}:${idOf(schema, news)}`);
      const uniqueKept = Object.entries(schema.fields).some(
        ([name, f]) => f.serverUnique && news[name] !== undefined && !changed.includes(name),
      );
      return {
        changes: changed.length > 0,
        replaces,
        // The natural key, or a value the server holds once (a bound phone), survives the
        // replacement: the new object cannot exist beside the old one.
        deleteBeforeReplace: replaces.length > 0 && (keyKept || uniqueKept),
      };
    },

    async create(checked: Inputs) {
      const { [ADOPTION_INPUT]: _adoption, ...inputs } = checked;
      const client = connect();
      const naturalId = idOf(schema, inputs);
      let remote: Inputs | undefined;
      let adopted = false;
      let recovered = false;
      /**
       * The fields of a found object that differ from the declaration where no update reaches,
       * after `complete` made what it can. An interrupted run (a killed engine) can leave an
       * object half made: a list entry with one of its two directions.
       */
      const unreachable = async (): Promise<string[]> => {
        let differ = compare(schema, fromRemote(schema, remote!, {}), inputs).replaces;
        if (differ.length > 0 && api.complete) {
          const now = await call(label(naturalId), "complete the object found", () =>
            api.complete!(client, remote!, inputs, payload(schema, "create", inputs)),
          );
          remote =
            now ?? (await call(label(naturalId), "look up", () => (api.lookup ?? api.read)(client, naturalId, inputs)));
          if (!remote) return [];
          differ = compare(schema, fromRemote(schema, remote, {}), inputs).replaces;
        }
        return differ;
      };
      /** Fields recorded as the server holds them, not as declared (the next preview shows the replacement). */
      let asFound: Inputs = {};

      if (inputs.adopt === true || adoptExisting()) {
        remote = await call(label(naturalId), "look up for adoption", () =>
          (api.lookup ?? api.read)(client, naturalId, inputs),
        );
        adopted = remote !== undefined && (api.blocksCreate?.(remote, inputs) ?? true);
        if (!adopted) remote = undefined;
        const differ = adopted ? await unreachable() : [];
        if (adopted && !remote) adopted = false; // gone meanwhile: create it
        if (differ.length > 0) {
          // Taken over as it is: state says what the server holds, so the next preview shows the
          // replacement that makes it as declared, instead of a state that claims it already is.
          const seen = fromRemote(schema, remote!, {});
          asFound = Object.fromEntries(differ.map((f) => [f, seen[f]]));
          console.log(
            `pulumi-clink: ${label(naturalId)} was taken over as it is; ${differ.join(", ")} differ${differ.length === 1 ? "s" : ""} ` +
              `from the declaration and no update can change ${differ.length === 1 ? "it" : "them"}: the next \`pulumi up\` replaces it.`,
          );
        }
      }
      if (!adopted) {
        // Without a found object this is a real create: write-only fields the adoption let go
        // (passwords) are needed now.
        const missing = Object.entries(schema.fields).filter(([n, f]) => f.required && inputs[n] === undefined);
        if (missing.length > 0)
          throw new ClinkProviderError(
            `${label(naturalId)} does not exist in the center, so adopting it is impossible and creating it needs ` +
              `${missing.map(([n]) => `'${n}'`).join(", ")}: declare ${missing.length > 1 ? "them" : "it"} ` +
              `(a password as a Pulumi secret, e.g. config.requireSecret).`,
          );
        const body = payload(schema, "create", inputs);
        if (api.existsCodes.length === 0 && !api.guardsCreate) {
          // Nothing would refuse a second object with this key: look first.
          const found = await call(label(naturalId), "look up before create", () =>
            (api.lookup ?? api.read)(client, naturalId, inputs),
          );
          if (found && (api.blocksCreate?.(found, inputs) ?? true))
            throw new ClinkProviderError(alreadyExists(schema, naturalId));
        }
        try {
          remote = await api.create(client, body, inputs);
        } catch (err) {
          if (err instanceof ProviderOutcome && err.kind === "alreadyExists")
            throw new ClinkProviderError(alreadyExists(schema, naturalId));
          if (err instanceof ClinkApiError && api.existsCodes.includes(err.code)) {
            throw new ClinkProviderError(alreadyExists(schema, naturalId, err.code));
          }
          if ((err instanceof ClinkApiError || err instanceof ProviderOutcome) && err.outcomeUnknown) {
            // Never create blindly twice: see whether the first attempt landed (docs/design.md,
            // Ambiguous creates). A request that timed out may still be applied a moment later: look
            // a few times.
            for (const wait of AMBIGUOUS_CREATE_LOOKUPS_MS) {
              if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
              remote = await call(label(naturalId), "look up after an ambiguous create", () =>
                (api.lookup ?? api.read)(client, naturalId, inputs),
              );
              if (remote) break;
            }
            if (!remote) throw explain(label(naturalId), "create", err, api.hints);
            // What landed must be what was asked in every field an update cannot change (a list
            // entry missing one of its directions is not this resource's object yet).
            const landed = await unreachable();
            if (!remote) throw explain(label(naturalId), "create", err, api.hints);
            if (landed.length > 0)
              throw explain(
                label(naturalId),
                `create (it landed only in part: ${landed.join(", ")} differ${landed.length === 1 ? "s" : ""})`,
                err,
                api.hints,
              );
            recovered = true;
          } else {
            throw explain(label(naturalId), "create", err, api.hints);
          }
        }
      }

      const id = api.idAfterCreate ? await api.idAfterCreate(client, inputs, remote) : naturalId;
      const claim = newClaim();
      takenThisDeployment.set(`${schema.type}:${id}`, claim);
      // Fields the create endpoint lacks, and differences found on an adopted object, need an update.
      // So do differences after an ambiguous create that did land: whatever the create call did
      // after its first request (follow-up calls) may not have happened.
      const pending =
        adopted || recovered ? toConverge(schema, remote ?? {}, inputs) : updateOnlyDeclared(schema, inputs);
      const found = remote;
      if (pending.length > 0) {
        try {
          const values = await withRequiredOnUpdate(schema, inputs, remote, () =>
            call(label(id), "read before update", () => api.read(client, id, inputs)),
          );
          const updated = await api.update(client, id, payload(schema, "update", values, pending), inputs, pending);
          if (updated) remote = { ...(found ?? {}), ...updated };
        } catch (err) {
          // The object exists now: hand the engine its id so it is not orphaned (partial state).
          const partial = Object.assign(
            explain(label(id), adopted ? "converge adopted object" : "complete create", err, api.hints),
            {
              id,
              properties: outputs(schema, { ...inputs, ...asFound }, remote, { adopted, claim }),
            },
          );
          throw partial;
        }
      }
      return { id, outs: outputs(schema, { ...inputs, ...asFound }, remote, { adopted, claim }) };
    },

    async read(id: string, props: Inputs) {
      const client = connect();
      const remote = await call(label(id), "read", () => api.read(client, id, props));
      if (!remote) return {}; // gone: refresh drops it from state
      const declared = withoutWriteOnly(schema, fromRemote(schema, remote, props));
      const last = Array.isArray(props[DECLARED]) ? new Set(props[DECLARED] as string[]) : undefined;
      const keys = isPlainObject(props[DECLARED_KEYS]) ? (props[DECLARED_KEYS] as Record<string, unknown>) : undefined;
      // Every field is an output as the server holds it, declared or not, defaults included: the
      // program sees what is there, never a default promised for a field nobody manages. A field
      // the API never reports keeps its previous output (the declared value, or none).
      const outs: Inputs = asLists(schema, declared);
      // State written before fingerprints (0.1.0) holds the write-only values themselves: from
      // the first refresh on it holds their fingerprints instead.
      const prints = props[FINGERPRINTS] ?? fingerprintsOf(schema, props, undefined);
      if (Object.keys(prints as object).length > 0) outs[FINGERPRINTS] = prints;
      // Bookkeeping and options travel on: delete reads forceOfflineOnDelete from the state.
      for (const key of ["adopted", CLAIM, DECLARED, DECLARED_KEYS, ...optionNames(schema)])
        if (props[key] !== undefined) outs[key] = props[key];
      // As inputs, only what the last declaration held: a field the program does not declare is not
      // managed, so its server value is no drift (issue 23) and must not show as a removal in the
      // next preview. State written before the list was kept (0.1.0) has every field the server
      // reported.
      const inputs: Inputs = {};
      // Whether the server holds a declared field otherwise than the stored outputs say (state
      // from 0.1.0, without the list, always counts).
      let found = last === undefined;
      for (const [name, field] of Object.entries(schema.fields)) {
        if (field.lifecycle === "computed") continue;
        // A declared field is found when the server holds it otherwise than the stored outputs say,
        // also when it no longer answers it (cleared, or "" read as unset).
        if (last?.has(name) && !deepEqual(outs[name], props[name])) found = true;
        if (declared[name] === undefined) continue;
        if (!last || last.has(name)) inputs[name] = onlyDeclaredKeys(field, declared[name], keys?.[name]);
      }
      // Nothing found: no inputs, so the engine keeps the ones it holds, the checked inputs of the
      // last up (the sealed password and its tag among them). Inputs rebuilt here differ from what
      // check gives for the same program, and the next up would then write the whole state once
      // per resource, for same steps whose inputs changed (docs/design.md, State per resource).
      if (!found) return { id, props: outs };
      for (const option of optionNames(schema)) if (props[option] !== undefined) inputs[option] = props[option];
      if (outs[FINGERPRINTS] !== undefined) inputs[FINGERPRINTS] = outs[FINGERPRINTS];
      return { id, props: outs, inputs };
    },

    async update(id: string, olds: Inputs, news: Inputs) {
      const client = connect();
      const { changed } = compare(schema, olds, news);
      let remote: Inputs | undefined;
      try {
        // Only what changed is sent: the last declaration (or the server, after a refresh) holds
        // every other declared field already, and an undeclared one is not managed. The document
        // leaves open whether an omitted update value resets (doc 3.1.2 update_client lists no
        // defaults; 3.2.2 update_queue does); we read it as "kept", the vendor SDK's reading (it
        // sends only the keys set), docs/design.md "Undeclared fields". A field the endpoint
        // requires carries the server's value, read just before the write.
        const values = await withRequiredOnUpdate(schema, news, undefined, () =>
          call(label(id), "read before update", () => api.read(client, id, news)),
        );
        remote = await api.update(client, id, payload(schema, "update", values, changed), news, changed);
      } catch (err) {
        throw explain(label(id), "update", err, api.hints);
      }
      return {
        outs: outputs(schema, news, remote, {
          adopted: olds.adopted as boolean | undefined,
          claim: olds[CLAIM],
          prints: olds[FINGERPRINTS],
          previous: olds,
        }),
      };
    },

    async delete(id: string, props: Inputs) {
      const taken = takenThisDeployment.get(`${schema.type}:${id}`);
      if (taken !== undefined && taken !== props[CLAIM]) {
        // The plugin's standard output reaches the user as an info message.
        console.log(
          `pulumi-clink: ${label(id)} is not deleted: another resource of this deployment created or adopted it; ` +
            `the old resource only leaves the state.`,
        );
        return;
      }
      const client = connect();
      try {
        await api.delete(client, id, props);
      } catch (err) {
        if (err instanceof ClinkApiError && err.code === "ResourceNotFound") return; // already gone
        throw explain(label(id), "delete", err, api.hints);
      }
    },
  };
}

/**
 * What an adopted (or recovered) object needs changed to match the declaration: the declared
 * fields whose server value differs, and nothing else, so an adoption that matches makes no write
 * call and an undeclared field keeps what the server holds. A declared field the server does not
 * answer (never, such as an agent's assignType, doc 3.1.5; or not this time) is sent: its server
 * value cannot be known. So is a declared write-only one (a password): the object keeps its own
 * only when none is declared.
 */
export function toConverge(schema: ResourceSchema, remote: Inputs, inputs: Inputs): string[] {
  const seen = fromRemote(schema, remote, {});
  return compare(schema, seen, inputs).changed.filter((name) => {
    const lifecycle = schema.fields[name].lifecycle;
    return lifecycle === "updatable" || lifecycle === "updateOnly";
  });
}

/** What an adoption changes on the object found, for the preview (ADOPTION_INPUT). */
export function adoptionChanges(
  schema: ResourceSchema,
  remote: Inputs,
  inputs: Inputs,
): Record<string, { from: unknown; to: unknown }> {
  const seen = fromRemote(schema, remote, {});
  const shown = (name: string, value: unknown) => {
    const field = schema.fields[name];
    if (field.secret || field.writeOnly) return "(secret)";
    return field.asList && value !== undefined ? field.asList(value) : value;
  };
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const name of [...toConverge(schema, remote, inputs), ...compare(schema, seen, inputs).replaces]) {
    const field = schema.fields[name];
    let from: unknown = seen[name];
    // Only the declared keys of a partly declared object (permission) change.
    if (field.partialKeys && from && typeof from === "object" && inputs[name] && typeof inputs[name] === "object")
      from = Object.fromEntries(Object.keys(inputs[name] as Inputs).map((k) => [k, (from as Inputs)[k] ?? null]));
    out[name] = {
      from: neverReported(field) ? "(never reported)" : from === undefined ? "(not answered)" : shown(name, from),
      to: shown(name, inputs[name]),
    };
  }
  return out;
}

/** The sentence the preview prints for an adoption. */
export function adoptionSentence(what: string, changes: Record<string, { from: unknown; to: unknown }>): string {
  const names = Object.keys(changes);
  if (names.length === 0) return `${what} exists and is adopted unchanged.`;
  const list = names.map((n) => `${n}: ${JSON.stringify(changes[n].from)} → ${JSON.stringify(changes[n].to)}`);
  return `${what} exists and is adopted; the adoption changes ${list.join(", ")}.`;
}

/**
 * The values with each field the update endpoint requires (`requiredOnUpdate`) that is undeclared,
 * or declared in part (`partialKeys`), filled from what the server holds now: `remote` when the
 * caller has just read it, else `readNow()`. A key the server does not report and the program does
 * not declare is not sent.
 */
async function withRequiredOnUpdate(
  schema: ResourceSchema,
  values: Inputs,
  remote: Inputs | undefined,
  readNow: () => Promise<Inputs | undefined>,
): Promise<Inputs> {
  const needed = Object.entries(schema.fields).filter(
    ([name, f]) => f.requiredOnUpdate && f.lifecycle !== "identity" && (values[name] === undefined || f.partialKeys),
  );
  if (needed.length === 0) return values;
  const now = fromRemote(schema, remote ?? (await readNow()) ?? {}, {});
  const out: Inputs = { ...values };
  for (const [name, field] of needed) {
    const server = now[name];
    if (field.partialKeys)
      out[name] = {
        ...(server && typeof server === "object" ? (server as Inputs) : {}),
        ...((values[name] as Inputs | undefined) ?? {}),
      };
    else if (out[name] === undefined && server !== undefined) out[name] = server;
  }
  return out;
}

/**
 * Outputs: the declared (checked) inputs, overlaid with what the server reported for read-only
 * fields and for fields the declaration leaves out: an undeclared field shows what the server
 * holds (this answer, else the previous outputs' value), never a promised default. A field the
 * API never reports and the program does not declare has no output. `adopted` only when true.
 */
function outputs(schema: ResourceSchema, declared: Inputs, remote: Inputs | undefined, book: Bookkeeping): Inputs {
  // Write-only values (passwords) never reach the outputs: only their fingerprints (a secret).
  const prints = fingerprintsOf(schema, declared, book.prints);
  const outs: Inputs = withoutWriteOnly(schema, declared);
  // The tags and the adoption's preview are the checked inputs'; outputs need not store them again.
  delete outs[WRITE_ONLY_TAGS];
  delete outs[ADOPTION_INPUT];
  if (Object.keys(prints).length > 0) outs[FINGERPRINTS] = prints;
  const previous = book.previous ?? {};
  const seen = remote ? fromRemote(schema, remote, previous) : previous;
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.writeOnly) continue;
    const server = seen[name] ?? previous[name];
    if (server === undefined) continue;
    // Declared fields keep the declared form (a partly declared object: the server's keys under
    // the declared ones); read-only and undeclared ones show the server's value.
    if (field.lifecycle === "computed" || declared[name] === undefined) outs[name] = server;
    else if (field.partialKeys && typeof server === "object" && typeof declared[name] === "object")
      outs[name] = { ...(server as Inputs), ...(declared[name] as Inputs) };
  }
  if (book.adopted === true) outs.adopted = true;
  if (book.claim !== undefined) outs[CLAIM] = book.claim;
  outs[DECLARED] = Object.keys(schema.fields).filter(
    (n) => schema.fields[n].lifecycle !== "computed" && declared[n] !== undefined,
  );
  const keys: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(schema.fields))
    if (field.partialKeys && isPlainObject(declared[name])) keys[name] = Object.keys(declared[name] as Inputs);
  if (Object.keys(keys).length > 0) outs[DECLARED_KEYS] = keys;
  // Outputs show sets as lists (Queue.members is a list of { cno, penalty }); inputs keep them keyed.
  return asLists(schema, outs);
}

/**
 * A partly declared object as `read` returns it for inputs: only the keys the last declaration
 * held (`recorded`), so a key nobody declared is neither managed nor shown as removed (issue 23).
 * Without a record (older state), the whole object.
 */
function onlyDeclaredKeys(field: FieldSpec, value: unknown, recorded: unknown): unknown {
  if (!field.partialKeys || !isPlainObject(value) || !Array.isArray(recorded)) return value;
  return Object.fromEntries(Object.entries(value as Inputs).filter(([k]) => recorded.includes(k)));
}

const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A claim token (takenThisDeployment): it only has to tell this deployment's create from any
 * other, so 72 random bits do, in 12 characters.
 */
const newClaim = (): string => randomBytes(9).toString("base64url");

/** The process's API client; a configuration problem reads as one sentence, without our stack. */
function connect(): ClinkClient {
  try {
    return apiClient();
  } catch (err) {
    throw new ClinkProviderError(`pulumi-clink configuration: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function call<T>(what: string, op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explain(what, op, err);
  }
}

/** An error that names the resource, the operation, the API code, vendor message and requestId, and what to do. */
export function explain(what: string, op: string, err: unknown, hints?: Record<string, string>): Error {
  if (err instanceof ClinkApiError) {
    const hint = hints?.[err.code] ?? GENERIC_HINTS[err.code];
    const request = err.requestId ? ` (requestId ${err.requestId})` : "";
    // No answer, or none the document describes: the client's own message names the call, the
    // host and the cause ("connection refused (127.0.0.1:1), after 6 attempts"), never a secret.
    const ours = !err.vendorMessage && CLIENT_CODES.has(err.code);
    const vendor = err.vendorMessage ? `: ${err.vendorMessage}` : ours ? ` (${err.message.replace(/\.$/, "")})` : "";
    return new ClinkProviderError(
      `${what}: ${op} failed with ${err.code}${vendor}${request}.${hint ? ` ${hint}` : ""}`,
    );
  }
  if (err instanceof ProviderOutcome) {
    const hint = hints?.[err.kind];
    return new ClinkProviderError(`${what}: ${op} failed: ${err.message}.${hint ? ` ${hint}` : ""}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ClinkProviderError(`${what}: ${op} failed: ${message}`);
}

/**
 * Codes the client gives when there was no documented answer (provider/api/errors.ts); not
 * OutcomeUnknown, whose hint says what to do and whose message would only repeat it.
 */
const CLIENT_CODES = new Set(["NetworkError", "BadResponse", "ClientError"]);

const GENERIC_HINTS: Record<string, string> = {
  NetworkError:
    "Check clink:endpoint / CLINK_ENDPOINT (or clink:region) and the network to it, then run the deployment again (it is safe to repeat).",
  AuthFailure:
    "Check clink:accessKeyId / clink:accessKeySecret (or CLINK_ACCESS_KEY_ID / CLINK_ACCESS_KEY_SECRET) and the region or endpoint.",
  UnauthorizedOperation: "The access key lacks permission for this API: grant it in 系统管理-系统对接-接口密钥.",
  SignaturesExpired: "The machine's clock is probably off; sync it (NTP) and retry.",
  TooManyRequests: "The API's rate limit was hit despite pacing; lower clink:rate or retry.",
  OutcomeUnknown:
    "The server may or may not have made it. Run `pulumi up` again with `pulumi config set clink:adoptExisting true` " +
    "(or CLINK_ADOPT_EXISTING=true): an object the lost request made is then taken over instead of created twice; " +
    "set it back to false afterwards. If the run was killed and the backend still reports an update in progress, run `pulumi cancel` first.",
  InternalError: "The Clink API failed; retry later (`pulumi up` is safe to repeat).",
};
