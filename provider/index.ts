/**
 * pulumi-clink: the public surface.
 *
 * - Resources: `Queue`, ... (each a Pulumi dynamic resource with its own type token).
 * - `providers`: the dynamic ResourceProviders themselves, for advanced use and users' own tests.
 * - `ClinkClient`, `ClinkApiError`: the signed, paced Clink API client (provider/api).
 */
export * from "./api";
export { configureProvider, type ProviderSettings } from "./settings";
export * from "./resources";
export * from "./functions";
export {
  ClinkProviderError,
  ApiError,
  AlreadyExistsError,
  AuthFailedError,
  ConfigurationError,
  CreateNeedsFieldsError,
  LogOutRefusedError,
  NetworkFailureError,
  NotFoundError,
  NotListedAfterCreateError,
  OutcomeUnknownError,
  OutsideChangeWindowError,
  RateLimitedError,
  SealedElsewhereError,
  TimedOutError,
} from "./plugin/errors";
export { LiveAgentError } from "./plugin/agent-state";
