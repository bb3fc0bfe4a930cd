/**
 * The names under which resources carry bookkeeping besides their fields, in checked inputs and
 * outputs. Both processes use them (the program writes the verdict and the preview mark, the
 * plugin reads them) and state holds them: they are wire strings and never change.
 */

/**
 * The input under which a resource carries a program-side verdict (provider/program/membership-claims.ts: two owners of
 * one queue's members, two default pauses; RestrictTelSetting's typed form): a `Failure` that
 * check reports, so the engine applies nothing of that resource.
 */
export const VERDICT_INPUT = "__ownershipConflict";

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

/** The output under which a resource carries the token of the create that made it its own. */
export const CLAIM = "__claim";

/** The output listing the fields the last declaration held (what `read` returns as inputs). */
export const DECLARED = "__declared";

/**
 * The output listing, per partly declared object (`partialKeys`: an agent's permission), the keys
 * the last declaration held: `read` returns only these as inputs. State without it (before 0.2.0's
 * fix) keeps the whole object, as it did.
 */
export const DECLARED_KEYS = "__declaredKeys";

/** The output holding a salted HMAC per write-only field (provider/schema/ops.ts, fingerprint), a Pulumi secret. */
export const FINGERPRINTS = "__fingerprints";

/**
 * Checked-inputs bookkeeping: for each write-only field declared, a tag of its sealed value
 * (provider/api/sealed.ts, changeTag). Not a secret and not a field: it lets a reader of a preview
 * see which password changed, where the engine masks both the old and the new value.
 */
export const WRITE_ONLY_TAGS = "__writeOnlyTags";
