import "server-only";
import { hasPermission, type TPermission } from "@/lib/domain/permissions";
import { UseCaseError } from "@/lib/server/errors";
import type { Actor } from "./current-actor";

/** First line of every use case: the role check the adapters' session check never replaces. */
export function authorize(actor: Actor | null, permission: TPermission): asserts actor is Actor {
  if (!actor) throw new UseCaseError("UNAUTHENTICATED");
  if (!hasPermission(actor.role, permission)) throw new UseCaseError("FORBIDDEN", {}, { permission });
}
