import "server-only";
import type { GeneratorBinding } from "@/lib/domain/reconciliation/generate";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

type BindingRow = {
  terminalId: string;
  merchantNo: string;
  payeeName: string;
  accountLast4: string;
  boundFrom: Date | string;
  boundTo: Date | string | null;
  accountFrom: Date | string | null;
  approvedAt: Date | string | null;
};

const BINDINGS_SQL = `
  SELECT t."terminalId", t."boundFrom", t."boundTo", m."merchantNo",
         COALESCE(m."receiptName", m."legalName") AS "payeeName",
         a."accountLast4", a."effectiveFrom" AS "accountFrom", m."inForceApprovedAt" AS "approvedAt"
    FROM "TerminalBinding" t
    JOIN "Merchant" m ON m.id = t."merchantId"
    JOIN LATERAL (
      SELECT r."accountLast4", r."effectiveFrom" FROM "ReceivingAccount" r
       WHERE r."merchantId" = m.id AND r.status = 'IN_FORCE' AND r."effectiveTo" IS NULL
       ORDER BY r."effectiveFrom" DESC LIMIT 1) a ON true
   WHERE m.status = 'ACTIVE' AND m.version > 0 AND m."merchantNo" IS NOT NULL`;

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** Approved merchants' terminal bindings with the facts in force today (`npm run gen:transactions`, tests, bench). */
export async function loadGeneratorBindings(sql: SqlRunner): Promise<GeneratorBinding[]> {
  const rows = await sql.query<BindingRow>(BINDINGS_SQL);
  return rows.map((r) => ({
    terminalId: r.terminalId,
    merchantNo: r.merchantNo,
    payeeName: r.payeeName,
    accountLast4: r.accountLast4,
    boundFrom: toDate(r.boundFrom),
    boundTo: r.boundTo === null ? null : toDate(r.boundTo),
    factsSince: new Date(Math.max(r.accountFrom === null ? 0 : toDate(r.accountFrom).getTime(), r.approvedAt === null ? 0 : toDate(r.approvedAt).getTime())),
  }));
}
