/** What one provider process remembers across the resources of its deployment. */
import { randomBytes } from "node:crypto";

/**
 * The objects this provider process created or took over, by kind and id. One process serves one
 * deployment, and the engine runs creates before the deletes of resources the program dropped: a
 * delete of an object that another resource of the same deployment has just created or adopted
 * (a rename followed by `adopt: true`, a resource moved into a component) only drops the old
 * resource from the state and leaves the object alone.
 */
export const takenThisDeployment = new Map<string, string>();

/**
 * Natural keys this process's diff found replaced. For a replacement the engine checks the new
 * inputs again with no old inputs; the object found then is the one being replaced, not a collision.
 */
export const replacingThisDeployment = new Set<string>();

/**
 * A claim token (takenThisDeployment): it only has to tell this deployment's create from any
 * other, so 72 random bits do, in 12 characters.
 */
export const newClaim = (): string => randomBytes(9).toString("base64url");
