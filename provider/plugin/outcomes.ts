/**
 * What the generic provider concluded itself, as opposed to an answer the API gave
 * (`ClinkApiError` only ever describes one of those). A resource's own look-ups end in these:
 * the object already exists (so `adopt` applies), something it needs is missing, or a wait ran out.
 */
export type OutcomeKind = "alreadyExists" | "notFound" | "timeout";

export class ProviderOutcome extends Error {
  constructor(
    readonly kind: OutcomeKind,
    message: string,
    /** True when the change may still be applied by the server (a wait ran out). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = "ProviderOutcome";
    this.stack = "";
  }
}

export const alreadyExistsOutcome = (message: string) => new ProviderOutcome("alreadyExists", message);
export const notFoundOutcome = (message: string) => new ProviderOutcome("notFound", message);
