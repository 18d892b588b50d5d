import { z } from "zod";

const ZUserRef = z.object({ username: z.string(), role: z.string() });

/**
 * One member per audit action. `before`/`after` hold masked values only: an audit trail that
 * stores full account numbers would itself be the leak.
 */
export const ZAuditEventSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("auth.sign-in"), entity: z.literal("user"), entityId: z.string(), after: z.object({ mfa: z.boolean() }) }),
  z.object({ action: z.literal("auth.sign-in-failed"), entity: z.literal("user"), entityId: z.string().nullable(), after: z.object({ username: z.string(), reason: z.string() }) }),
  z.object({ action: z.literal("auth.lockout"), entity: z.literal("user"), entityId: z.string(), after: z.object({ lockedUntil: z.string() }) }),
  z.object({ action: z.literal("auth.sign-out"), entity: z.literal("user"), entityId: z.string() }),
  z.object({ action: z.literal("auth.mfa-enrolled"), entity: z.literal("user"), entityId: z.string() }),
  z.object({ action: z.literal("auth.mfa-failed"), entity: z.literal("user"), entityId: z.string() }),
  z.object({ action: z.literal("auth.password-changed"), entity: z.literal("user"), entityId: z.string() }),
  z.object({ action: z.literal("user.created"), entity: z.literal("user"), entityId: z.string(), after: ZUserRef }),
  z.object({ action: z.literal("user.role-changed"), entity: z.literal("user"), entityId: z.string(), before: z.object({ role: z.string() }), after: z.object({ role: z.string() }) }),
  z.object({ action: z.literal("user.disabled"), entity: z.literal("user"), entityId: z.string(), after: z.object({ sessionsEnded: z.number() }) }),
  z.object({ action: z.literal("user.enabled"), entity: z.literal("user"), entityId: z.string() }),
  z.object({ action: z.literal("user.password-reset"), entity: z.literal("user"), entityId: z.string(), after: z.object({ sessionsEnded: z.number() }) }),
  z.object({ action: z.literal("user.sessions-ended"), entity: z.literal("user"), entityId: z.string(), after: z.object({ sessionsEnded: z.number() }) }),
  z.object({ action: z.literal("user.locale-changed"), entity: z.literal("user"), entityId: z.string(), after: z.object({ locale: z.string() }) }),
  z.object({ action: z.literal("audit.checkpoint"), entity: z.literal("audit"), entityId: z.string(), after: z.object({ seq: z.string(), hash: z.string() }) }),
  z.object({ action: z.literal("setting.changed"), entity: z.literal("setting"), entityId: z.string(), before: z.unknown(), after: z.unknown() }),
]);

export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;
export type TAuditAction = TAuditEvent["action"];
export const AUDIT_ACTIONS = ZAuditEventSchema.options.map((o) => o.shape.action.value) as TAuditAction[];
