import "server-only";
import { findingSummary } from "@/lib/domain/reconciliation/finding-summary";
import { formatBeijingTime, formatYuan } from "@/lib/domain/reconciliation/generate";
import { ZFindingActionSchema } from "@/lib/domain/reconciliation/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { openCase } from "@/lib/server/cases/open-case";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** Opens a RECONCILIATION_FINDING case for a finding, linked to its terminal and merchant; once per finding. */
export async function openFindingCase({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "reconciliation:run");
  authorize(actor, "case:triage");
  const { findingId, version } = parseInput(ZFindingActionSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const finding = await tx.reconciliationFinding.findUnique({ where: { id: findingId } });
    if (!finding) throw new UseCaseError("NOT_FOUND");
    if (finding.caseId) throw new UseCaseError("CONFLICT", { _form: ["validation.reconciliation.caseAlreadyOpen"] });
    const run = await tx.reconciliationRun.findUniqueOrThrow({ where: { id: finding.runId }, select: { reference: true } });
    const now = new Date();
    const opened = await openCase(tx, {
      kind: "RECONCILIATION_FINDING",
      merchantId: finding.merchantId,
      changeRequestId: null,
      terminalId: finding.terminalId,
      summary: findingSummary({ kind: finding.kind, terminalId: finding.terminalId, merchantNo: finding.merchantNo, rowCount: finding.rowCount, amountFen: Number(finding.amountFen), runReference: run.reference }),
      // Facts as people read them (labels under cases.facts): yuan, Beijing time as the file has it.
      details: {
        reconciliationRun: run.reference, merchantNoOnFile: finding.merchantNo, transactions: finding.rowCount, amountYuan: formatYuan(Number(finding.amountFen)),
        firstSeen: formatBeijingTime(finding.firstSeenAt), lastSeen: formatBeijingTime(finding.lastSeenAt), firstLine: finding.firstLine,
      },
      now,
    }, actor, requestMeta);
    const { count } = await tx.reconciliationFinding.updateMany({ where: { id: findingId, version, caseId: null }, data: { caseId: opened.id, version: version + 1 } });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(tx, { action: "reconciliation.finding-case-opened", entity: "reconciliation-finding", entityId: findingId, after: { caseId: opened.id, kind: finding.kind, terminalId: finding.terminalId, merchantNo: finding.merchantNo } }, actor, requestMeta);
    return { caseId: opened.id, reference: opened.reference, version: version + 1 };
  });
}
