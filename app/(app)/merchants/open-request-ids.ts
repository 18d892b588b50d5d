import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/**
 * Ids of the list's open change requests by reference, for "变更待审批" links. listMerchants
 * returns only the reference; this saves one query per row. (Drop it once the list returns ids.)
 */
export async function openRequestIds(actor: Actor, references: string[]): Promise<Map<string, string>> {
  authorize(actor, "merchant:read");
  if (references.length === 0) return new Map();
  const rows = await (await prisma()).changeRequest.findMany({ where: { reference: { in: references.slice(0, 100) } }, select: { id: true, reference: true } });
  return new Map(rows.map((r) => [r.reference, r.id]));
}
