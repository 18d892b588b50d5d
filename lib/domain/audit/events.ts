import { z } from "zod";

const ZUserRef = z.object({ username: z.string(), role: z.string() });
const ZMccState = z.object({ nameZh: z.string(), nameEn: z.string(), riskLevel: z.number(), active: z.boolean() });

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
  z.object({ action: z.literal("audit.verify-failed"), entity: z.literal("audit"), entityId: z.string(), after: z.object({ brokenAt: z.string(), reason: z.string() }) }),
  z.object({ action: z.literal("audit.exported"), entity: z.literal("audit"), entityId: z.string(), after: z.object({ rows: z.number(), filters: z.record(z.string(), z.string()) }) }),
  z.object({ action: z.literal("setting.changed"), entity: z.literal("setting"), entityId: z.string(), before: z.unknown(), after: z.unknown() }),
  z.object({
    action: z.literal("maintenance.window-scheduled"),
    entity: z.literal("maintenance-window"),
    entityId: z.string(),
    after: z.object({ startsAt: z.string(), endsAt: z.string(), messageZh: z.string(), messageEn: z.string() }),
  }),
  z.object({ action: z.literal("maintenance.window-cancelled"), entity: z.literal("maintenance-window"), entityId: z.string(), before: z.object({ startsAt: z.string(), endsAt: z.string() }) }),
  z.object({ action: z.literal("maintenance.read-only-changed"), entity: z.literal("maintenance-switch"), entityId: z.string(), before: z.object({ readOnly: z.boolean() }), after: z.object({ readOnly: z.boolean() }) }),
  z.object({ action: z.literal("draft.saved"), entity: z.literal("application-draft"), entityId: z.string(), after: z.object({ title: z.string(), version: z.number() }) }),
  z.object({ action: z.literal("draft.deleted"), entity: z.literal("application-draft"), entityId: z.string() }),
  z.object({ action: z.literal("change.resubmitted"), entity: z.literal("change-request"), entityId: z.string(), after: z.object({ accountLast4: z.string(), findings: z.array(z.string()) }) }),
  z.object({ action: z.literal("sensitive.unmasked"), entity: z.literal("receiving-account"), entityId: z.string(), after: z.object({ merchantId: z.string(), field: z.string(), last4: z.string(), reason: z.string() }) }),
  z.object({ action: z.literal("change.verified"), entity: z.literal("change-request"), entityId: z.string(), after: z.object({ matched: z.boolean(), mismatchedFields: z.array(z.string()), status: z.string() }) }),
  z.object({
    action: z.literal("change.approved"),
    entity: z.literal("change-request"),
    entityId: z.string(),
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.string(), merchantId: z.string(), merchantVersion: z.number().nullable(), acknowledgedFlags: z.array(z.string()) }),
  }),
  z.object({ action: z.literal("change.rejected"), entity: z.literal("change-request"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ reason: z.string() }) }),
  z.object({ action: z.literal("change.cancelled"), entity: z.literal("change-request"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ status: z.string() }) }),
  z.object({ action: z.literal("change.returned"), entity: z.literal("change-request"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ comment: z.string() }) }),
  z.object({
    action: z.literal("change.submitted"),
    entity: z.literal("change-request"),
    entityId: z.string(),
    after: z.object({ reference: z.string(), kind: z.string(), merchantId: z.string(), accountLast4: z.string(), findings: z.array(z.string()), reason: z.string().optional(), caseId: z.string().optional() }),
  }),
  z.object({
    action: z.literal("merchant.status-changed"),
    entity: z.literal("merchant"),
    entityId: z.string(),
    before: z.object({ status: z.string(), merchantVersion: z.number() }),
    after: z.object({ status: z.string(), merchantVersion: z.number(), changeRequestId: z.string() }),
  }),
  z.object({
    action: z.literal("change.confirmed"),
    entity: z.literal("change-request"),
    entityId: z.string(),
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.string(), merchantId: z.string(), confirmationId: z.string(), contactedAt: z.string(), accountLast4: z.string(), previousAccountLast4: z.string() }),
  }),
  z.object({
    action: z.literal("change.objected"),
    entity: z.literal("change-request"),
    entityId: z.string(),
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.string(), merchantId: z.string(), confirmationId: z.string(), contactedAt: z.string(), withdrawnAccountLast4: z.string(), merchantVersion: z.number(), caseId: z.string() }),
  }),
  z.object({
    action: z.literal("change.hold-elapsed"),
    entity: z.literal("change-request"),
    entityId: z.string(),
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.string(), merchantId: z.string(), holdUntil: z.string(), accountLast4: z.string(), previousAccountLast4: z.string() }),
  }),
  z.object({
    action: z.literal("case.opened"),
    entity: z.literal("case"),
    entityId: z.string(),
    after: z.object({ reference: z.string(), kind: z.string(), merchantId: z.string().nullable(), changeRequestId: z.string().nullable(), spotCheckItemId: z.string().nullable().optional(), terminalId: z.string().nullable().optional() }),
  }),
  z.object({
    action: z.literal("case.triaged"),
    entity: z.literal("case"),
    entityId: z.string(),
    before: z.object({ status: z.string(), priority: z.string(), assigneeId: z.string().nullable() }),
    after: z.object({ status: z.string(), priority: z.string(), assigneeId: z.string() }),
  }),
  z.object({ action: z.literal("case.assigned"), entity: z.literal("case"), entityId: z.string(), before: z.object({ assigneeId: z.string().nullable() }), after: z.object({ assigneeId: z.string() }) }),
  z.object({ action: z.literal("case.note-added"), entity: z.literal("case"), entityId: z.string(), after: z.object({ noteId: z.string(), length: z.number() }) }),
  z.object({
    action: z.literal("case.linked"),
    entity: z.literal("case"),
    entityId: z.string(),
    before: z.object({ merchantId: z.string().nullable(), terminalId: z.string().nullable(), changeRequestId: z.string().nullable() }),
    after: z.object({ merchantId: z.string().nullable(), terminalId: z.string().nullable(), changeRequestId: z.string().nullable() }),
  }),
  z.object({ action: z.literal("case.closed"), entity: z.literal("case"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ outcome: z.string(), outcomeNote: z.string(), changeRequestId: z.string().nullable().optional() }) }),
  /** A correction case moves with the change request made for it (submitted, withdrawn). */
  z.object({ action: z.literal("case.followed-change"), entity: z.literal("case"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ status: z.string(), changeRequestId: z.string(), changeStatus: z.string() }) }),
  z.object({ action: z.literal("reference.seeded"), entity: z.literal("reference"), entityId: z.enum(["mcc", "bank-category"]), after: z.object({ inserted: z.number() }) }),
  z.object({
    action: z.literal("reference.bins-imported"),
    entity: z.literal("reference"),
    entityId: z.literal("card-bin"),
    after: z.object({ imported: z.number(), replaced: z.number(), debit: z.number(), credit: z.number(), prepaid: z.number(), fileName: z.string().nullable(), sha256: z.string() }),
  }),
  z.object({
    action: z.literal("spotcheck.campaign-created"),
    entity: z.literal("spot-check-campaign"),
    entityId: z.string(),
    after: z.object({
      reference: z.string(), strategy: z.string(), seed: z.string(), populationSize: z.number(), populationHash: z.string(),
      sampleSize: z.number(), assigned: z.number(), unassigned: z.number(), auditorIds: z.array(z.string()),
      scheduleId: z.string().optional(), period: z.string().optional(),
    }),
  }),
  z.object({
    action: z.literal("spotcheck.schedule-created"),
    entity: z.literal("spot-check-schedule"),
    entityId: z.string(),
    after: z.object({ reference: z.string(), name: z.string(), dayOfMonth: z.number(), population: z.record(z.string(), z.unknown()), sizing: z.record(z.string(), z.unknown()), strategy: z.string(), auditorIds: z.array(z.string()) }),
  }),
  z.object({ action: z.literal("spotcheck.schedule-paused"), entity: z.literal("spot-check-schedule"), entityId: z.string(), before: z.object({ active: z.boolean() }), after: z.object({ active: z.boolean() }) }),
  z.object({ action: z.literal("spotcheck.schedule-resumed"), entity: z.literal("spot-check-schedule"), entityId: z.string(), before: z.object({ active: z.boolean() }), after: z.object({ active: z.boolean() }) }),
  z.object({ action: z.literal("spotcheck.item-reassigned"), entity: z.literal("spot-check-item"), entityId: z.string(), before: z.object({ assigneeId: z.string().nullable() }), after: z.object({ assigneeId: z.string() }) }),
  z.object({
    action: z.literal("spotcheck.item-recorded"),
    entity: z.literal("spot-check-item"),
    entityId: z.string(),
    after: z.object({ campaignId: z.string(), merchantId: z.string(), merchantVersion: z.number(), outcome: z.string(), checklist: z.record(z.string(), z.boolean()) }),
  }),
  z.object({ action: z.literal("spotcheck.item-stale"), entity: z.literal("spot-check-item"), entityId: z.string(), after: z.object({ merchantId: z.string(), checkedVersion: z.number(), currentVersion: z.number() }) }),
  z.object({ action: z.literal("spotcheck.campaign-closed"), entity: z.literal("spot-check-campaign"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ done: z.number(), total: z.number() }) }),
  z.object({ action: z.literal("spotcheck.report-exported"), entity: z.literal("spot-check-campaign"), entityId: z.string(), after: z.object({ rows: z.number(), format: z.enum(["csv", "xlsx"]).optional() }) }),
  z.object({ action: z.literal("reconciliation.run-started"), entity: z.literal("reconciliation-run"), entityId: z.string(), after: z.object({ reference: z.string(), fileName: z.string() }) }),
  z.object({ action: z.literal("reconciliation.run-refused"), entity: z.literal("reconciliation-run"), entityId: z.string(), after: z.object({ key: z.string(), lineNumber: z.number().nullable(), sizeBytes: z.number(), sha256: z.string().nullable() }) }),
  z.object({ action: z.literal("reconciliation.run-resumed"), entity: z.literal("reconciliation-run"), entityId: z.string(), before: z.object({ status: z.string() }), after: z.object({ attempt: z.number() }) }),
  z.object({ action: z.literal("reconciliation.run-completed"), entity: z.literal("reconciliation-run"), entityId: z.string(), after: z.object({ sizeBytes: z.number(), sha256: z.string().nullable(), encoding: z.string().nullable(), rowsStaged: z.number(), rowsRejected: z.number(), mismatchRows: z.number(), findings: z.number() }) }),
  z.object({ action: z.literal("reconciliation.findings-exported"), entity: z.literal("reconciliation-run"), entityId: z.string(), after: z.object({ rows: z.number(), format: z.enum(["csv", "xlsx"]), filters: z.record(z.string(), z.string()) }) }),
  z.object({ action: z.literal("reconciliation.finding-case-opened"), entity: z.literal("reconciliation-finding"), entityId: z.string(), after: z.object({ caseId: z.string(), kind: z.string(), terminalId: z.string(), merchantNo: z.string() }) }),
  z.object({ action: z.literal("reconciliation.finding-spot-check-added"), entity: z.literal("reconciliation-finding"), entityId: z.string(), after: z.object({ campaignId: z.string(), itemId: z.string(), merchantId: z.string() }) }),
  z.object({ action: z.literal("reference.mcc-updated"), entity: z.literal("mcc"), entityId: z.string(), before: ZMccState, after: ZMccState }),
]);

export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;
export type TAuditAction = TAuditEvent["action"];
export const AUDIT_ACTIONS = ZAuditEventSchema.options.map((o) => o.shape.action.value) as TAuditAction[];
