/**
 * What the generic provider concluded itself, as opposed to an answer the API gave
 * (`ClinkApiError` only ever describes one of those). A resource's own look-ups end in these:
 * the object already exists (so `adopt` applies), something it needs is missing, or a wait ran out.
 * explain (./errors.ts) turns one into the error the engine sees, with its stable code.
 */
export type RefusalKind = "alreadyExists" | "notFound" | "timeout";

export class ProviderRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** True when the change may still be applied by the server (a wait ran out). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = "ProviderRefusal";
    this.stack = "";
  }
}

export const alreadyExistsRefusal = (message: string) => new ProviderRefusal("alreadyExists", message);
export const notFoundRefusal = (message: string) => new ProviderRefusal("notFound", message);
