import "server-only";
import { diffRecords } from "@/lib/domain/diff";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** One event with its before/after as a field diff (values in the trail are masked when written). */
export async function getAuditEvent(actor: Actor | null, seqText: string) {
  authorize(actor, "audit:read");
  if (!/^\d{1,19}$/.test(seqText)) return null;
  const db = await prisma();
  const event = await db.auditEvent.findUnique({ where: { seq: BigInt(seqText) } });
  if (!event) return null;
  return {
    ...event,
    seq: event.seq.toString(),
    changes: diffRecords(event.before, event.after),
  };
}
