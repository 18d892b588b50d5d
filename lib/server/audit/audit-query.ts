import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAuditEventSchema } from "@/lib/domain/audit/events";

/** Every action the trail can hold, from the typed event union: the filter offers exactly these. */
export const AUDIT_ACTIONS: readonly string[] = ZAuditEventSchema.options.map((o) => o.shape.action.value).sort();
export const AUDIT_PRESETS = ["unmask", "failedSignIns"] as const;
const PRESET_ACTIONS: Record<(typeof AUDIT_PRESETS)[number], string[]> = {
  unmask: ["sensitive.unmasked"],
  failedSignIns: ["auth.sign-in-failed", "auth.lockout", "auth.mfa-failed"],
};

const optional = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ZAuditQuery = z.object({
  actor: optional(z.string().trim().min(1).max(64)),
  action: optional(z.string().max(64).refine((a) => AUDIT_ACTIONS.includes(a) || /^[a-z-]+\.$/.test(a))),
  entity: optional(z.string().trim().min(1).max(64)),
  entityId: optional(z.string().trim().min(1).max(64)),
  from: optional(day),
  to: optional(day),
  preset: optional(z.enum(AUDIT_PRESETS)),
  before: optional(z.string().regex(/^\d{1,19}$/)),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** Midnight in China (UTC+8) of a calendar day, as the instant it is. */
function chinaMidnight(dayText: string, plusDays = 0) {
  const d = new Date(`${dayText}T00:00:00+08:00`);
  return new Date(d.getTime() + plusDays * 86_400_000);
}

/** The filters as a where clause; `action` ending in "." is a whole group (e.g. "auth."). */
export function auditWhere(q: TAuditQuery): Prisma.AuditEventWhereInput {
  return {
    AND: [
      // A failed sign-in has no actor: the name that was tried is in its recorded values.
      q.actor ? { OR: [{ actorName: q.actor }, { action: "auth.sign-in-failed", after: { path: ["username"], equals: q.actor } }] } : {},
      q.action ? (q.action.endsWith(".") ? { action: { startsWith: q.action } } : { action: q.action }) : {},
      q.entity ? { entity: q.entity } : {},
      q.entityId ? { entityId: q.entityId } : {},
      q.from ? { at: { gte: chinaMidnight(q.from) } } : {},
      q.to ? { at: { lt: chinaMidnight(q.to, 1) } } : {},
      q.preset ? { action: { in: PRESET_ACTIONS[q.preset] } } : {},
    ],
  };
}
