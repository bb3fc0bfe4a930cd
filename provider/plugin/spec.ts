/** What a resource hands the generic provider: its schema and its per-endpoint calls. */
import type { ClinkClient } from "../api";
import type { ResourceSchema } from "../schema/core";
import type { Inputs } from "../schema/ops";

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
   * create looks for an existing object itself and throws alreadyExistsRefusal (a list entry, a
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
  /** What to tell the user for an API refusal, by code, or for a provider outcome, by kind (refusals.ts). */
  hints?: Record<string, string>;
}

export interface ProviderSpec {
  schema: ResourceSchema;
  api: ResourceApi;
}
