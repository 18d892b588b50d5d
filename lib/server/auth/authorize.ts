import "server-only";
import { tokenHasPermission } from "@/lib/domain/api-tokens/scopes";
import { hasPermission, type TPermission } from "@/lib/domain/permissions";
import { UseCaseError } from "@/lib/server/errors";
import type { Actor } from "./current-actor";

/** Role permissions, narrowed to the token's scopes for a call made with an API token. */
export function actorHasPermission(actor: Actor, permission: TPermission) {
  return hasPermission(actor.role, permission) && (!actor.apiToken || tokenHasPermission(actor.apiToken.scopes, permission));
}

/**
 * First line of every use case: the role check the adapters' session check never replaces. A token
 * actor never holds verify or approve here, whatever its clerk may do in person (decision 022).
 */
export function authorize(actor: Actor | null, permission: TPermission): asserts actor is Actor {
  if (!actor) throw new UseCaseError("UNAUTHENTICATED");
  if (!actorHasPermission(actor, permission)) throw new UseCaseError("FORBIDDEN", {}, { permission });
}
