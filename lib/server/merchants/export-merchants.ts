import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import type { RequestMeta } from "@/lib/server/request-meta";
import { merchantWhere, ZMerchantQuery } from "./list-merchants";

/** A larger pull is a database task, not a download. */
export const MERCHANT_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1_000;

export const MERCHANT_EXPORT_COLUMNS = [
  "merchant_no", "version", "status", "merchant_type", "legal_name", "receipt_name", "credit_code", "legal_rep_name", "legal_rep_id_last4",
  "phone", "mcc", "division_code", "street", "account_type", "account_name", "account_no_last4", "bank_code", "branch_name", "cnaps",
  "third_party_auth_ref", "terminal_ids", "approved_at",
] as const;

const ZExportInput = ZMerchantQuery.omit({ after: true }).extend({ format: z.enum(["csv", "xlsx"]).catch("csv") });
const masked = (last4: string | null | undefined) => (last4 ? `****${last4}` : "");
/** Typed text starting with a formula character is stored as text, never evaluated (CSV injection's .xlsx twin). */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Each approved merchant at its version in force, sealed numbers as last 4 only, in batches by id. */
async function* merchantRows(where: Awaited<ReturnType<typeof merchantWhere>>) {
  const db = await prisma();
  let after: string | undefined;
  let sent = 0;
  while (sent < MERCHANT_EXPORT_MAX_ROWS) {
    const batch = await db.merchant.findMany({
      where: { AND: [where, after ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: Math.min(BATCH, MERCHANT_EXPORT_MAX_ROWS - sent),
      include: { accounts: { where: { status: "IN_FORCE" }, orderBy: { effectiveFrom: "desc" }, take: 1 }, terminals: { where: { boundTo: null }, orderBy: { boundFrom: "asc" } } },
    });
    for (const m of batch) {
      const a = m.accounts[0];
      yield [
        m.merchantNo ?? "", m.version, m.status, m.type ?? "", m.legalName ?? "", m.receiptName ?? "", m.creditCode ?? "", m.legalRepName ?? "", masked(m.legalRepIdLast4),
        m.phone ?? "", m.mcc ?? "", m.divisionCode ?? "", m.street ?? "", a?.accountType ?? "", a?.accountName ?? "", masked(a?.accountLast4), a?.bankCode ?? "", a?.branchName ?? "", a?.cnaps ?? "",
        a?.thirdPartyAuthRef ?? "", m.terminals.map((t) => t.terminalId).join(" "), m.inForceApprovedAt?.toISOString() ?? "",
      ] as (string | number)[];
    }
    sent += batch.length;
    if (batch.length < BATCH) return;
    after = batch.at(-1)!.id;
  }
}

/**
 * Approved merchants, filtered as on the merchants list, to CSV (UTF-8 with BOM, formulas
 * neutralised) or Excel. Account numbers and resident IDs leave only as their last 4 — there is no
 * option to export them whole. The export is audited with its filters and row count.
 */
export async function exportMerchants({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "merchant:read");
  authorize(actor, "record:export");
  const { format, ...filters } = ZExportInput.parse(input ?? {});
  const db = await prisma();
  const rows: (string | number)[][] = [];
  for await (const row of merchantRows(await merchantWhere(db, filters))) rows.push(row);
  const truncated = rows.length === MERCHANT_EXPORT_MAX_ROWS;
  const day = new Date().toISOString().slice(0, 10);
  let body: string | Buffer;
  if (format === "csv") {
    body = `\uFEFF${Papa.unparse({ fields: [...MERCHANT_EXPORT_COLUMNS], data: rows }, { escapeFormulae: true })}\r\n`;
  } else {
    const book = new ExcelJS.Workbook();
    book.creator = "PayeeGuard";
    const sheet = book.addWorksheet("merchants");
    sheet.columns = MERCHANT_EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2), style: { numFmt: "@" } }));
    for (const row of rows) sheet.addRow(row.map((v) => (typeof v === "string" ? text(v) : v)));
    sheet.getRow(1).font = { bold: true };
    body = Buffer.from(await book.xlsx.writeBuffer());
  }
  const kept = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "merchant.exported", entity: "merchant", entityId: "list", after: { rows: rows.length, format, filters: kept, truncated } }, actor, requestMeta));
  return { body, format, fileName: `merchants-${day}.${format}`, rows: rows.length, truncated };
}
