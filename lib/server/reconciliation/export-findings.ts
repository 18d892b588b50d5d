import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { ZFindingFilterSchema } from "@/lib/domain/reconciliation/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { FINDING_ORDER, findingWhere } from "./list-findings";

const FIELDS = ["run", "kind", "terminalId", "merchantNo", "boundMerchantNo", "boundMerchantName", "rows", "amountYuan", "firstSeen", "lastSeen", "firstLine", "caseReference"] as const;

/** Payee names come from the merchant record; still, text starting with a formula character stays text. */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The run's findings under the page's filters, one row per finding, as CSV (UTF-8 with BOM) or an
 * Excel workbook. No account numbers at all. The export is audited (allowed while read-only).
 */
export async function exportFindings({ actor, input, format, requestMeta }: { actor: Actor | null; input: unknown; format: "csv" | "xlsx"; requestMeta: RequestMeta }) {
  authorize(actor, "reconciliation:run");
  authorize(actor, "record:export");
  const query = parseInput(ZFindingFilterSchema, input);
  const db = await prisma();
  const run = await db.reconciliationRun.findUnique({ where: { id: query.runId }, select: { id: true, reference: true, status: true } });
  if (!run) throw new UseCaseError("NOT_FOUND");
  const findings = await db.reconciliationFinding.findMany({ where: findingWhere(query), orderBy: FINDING_ORDER });
  const merchants = await db.merchant.findMany({ where: { id: { in: [...new Set(findings.map((f) => f.merchantId).filter((x): x is string => !!x))] } }, select: { id: true, merchantNo: true, legalName: true } });
  const cases = await db.case.findMany({ where: { id: { in: findings.map((f) => f.caseId).filter((x): x is string => !!x) } }, select: { id: true, reference: true } });
  const rows = findings.map((f) => {
    const m = merchants.find((x) => x.id === f.merchantId);
    return [
      run.reference, f.kind, f.terminalId, f.merchantNo, m?.merchantNo ?? "", text(m?.legalName ?? ""), f.rowCount, (Number(f.amountFen) / 100).toFixed(2),
      f.firstSeenAt.toISOString(), f.lastSeenAt.toISOString(), f.firstLine, cases.find((c) => c.id === f.caseId)?.reference ?? "",
    ];
  });
  const filters = Object.fromEntries(Object.entries({ kind: query.kind, terminalId: query.terminalId, merchantNo: query.merchantNo }).filter((e): e is [string, string] => !!e[1]));
  let body: string | Buffer;
  if (format === "csv") {
    body = `\uFEFF${Papa.unparse({ fields: [...FIELDS], data: rows }, { escapeFormulae: true })}`;
  } else {
    const book = new ExcelJS.Workbook();
    book.creator = "PayeeGuard";
    book.created = new Date();
    const sheet = book.addWorksheet("findings");
    sheet.columns = FIELDS.map((h) => ({ header: h, key: h, width: h === "boundMerchantName" ? 32 : 18 }));
    for (const r of rows) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
    body = Buffer.from(await book.xlsx.writeBuffer());
  }
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "reconciliation.findings-exported", entity: "reconciliation-run", entityId: run.id, after: { rows: rows.length, format, filters } }, actor, requestMeta));
  return { body, fileName: `${run.reference}-findings.${format}`, rows: rows.length };
}
