import "server-only";
import { beijingDayBounds, REPORT_TRAP_FIELD, yuanOf, ZCardholderReportSchema } from "@/lib/domain/cases/cardholder-report";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { lockKeyForTransaction } from "@/lib/server/db/transaction-lock";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import type { RequestMeta } from "@/lib/server/request-meta";
import { newCaseReference, openCase } from "./open-case";

export const REPORTS_PER_WINDOW = 5;
export const REPORT_WINDOW_MINUTES = 60;
const BUCKET = "cardholder-report";

/** The only thing a reporter learns: the same shape whether the terminal is known or not. */
export type TCardholderReportReceipt = { reference: string };

/**
 * The merchant a terminal was bound to on the reported Beijing calendar day (the latest binding
 * that day if it moved), else the one it is bound to now. Null for a terminal nobody bound.
 */
async function bindingFor(tx: Prisma.TransactionClient, terminalId: string, day: string) {
  const { start, end } = beijingDayBounds(day);
  const thatDay = await tx.terminalBinding.findFirst({
    where: { terminalId, boundFrom: { lt: end }, OR: [{ boundTo: null }, { boundTo: { gt: start } }] },
    orderBy: { boundFrom: "desc" },
    select: { merchantId: true },
  });
  return thatDay ?? tx.terminalBinding.findFirst({ where: { terminalId, boundTo: null }, orderBy: { boundFrom: "desc" }, select: { merchantId: true } });
}

/** Minutes until the oldest submission in the window drops out of it (at least 1). */
function minutesUntilFree(oldest: Date, now: Date) {
  return Math.max(1, Math.ceil((oldest.getTime() + REPORT_WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
}

/**
 * A cardholder's report from the public page, without sign-in. Counted per source address in the
 * database, so the limit holds across app instances. Opens a CARDHOLDER_REPORT case (system
 * actor, the address in the audit event) linked to the terminal's merchant when the terminal ID
 * is bound; the answer never says whether it was.
 *
 * A filled bot trap gets the same kind of answer, but nothing is stored except the throttle
 * count: see docs/decisions for why a trapped report is dropped, not kept flagged.
 */
export async function submitCardholderReport({ input, requestMeta }: { input: unknown; requestMeta: RequestMeta }): Promise<TCardholderReportReceipt> {
  const db = await prisma();
  const now = new Date();
  const ip = requestMeta.ip ?? "unknown";
  const trapped = typeof input === "object" && input !== null && String((input as Record<string, unknown>)[REPORT_TRAP_FIELD] ?? "").trim() !== "";

  // Count and record under one lock per address, in one transaction: counted first and recorded
  // later, concurrent reports from one address all saw room and all got through (decision 038).
  const outcome = await db.$transaction(async (tx) => {
    await lockKeyForTransaction(tx, `${BUCKET}:${ip}`);
    const windowStart = new Date(now.getTime() - REPORT_WINDOW_MINUTES * 60_000);
    const recent = await tx.rateLimitHit.findMany({ where: { bucket: BUCKET, key: ip, at: { gte: windowStart } }, orderBy: { at: "asc" }, select: { at: true }, take: REPORTS_PER_WINDOW });
    if (recent.length >= REPORTS_PER_WINDOW) throw new UseCaseError("RATE_LIMITED", {}, { minutes: minutesUntilFree(recent[0]!.at, now) });
    if (trapped) {
      await tx.rateLimitHit.create({ data: { bucket: BUCKET, key: ip, at: now } });
      return { trapped: true as const, reference: newCaseReference(now) };
    }
    const report = parseInput(ZCardholderReportSchema, input);
    await tx.rateLimitHit.create({ data: { bucket: BUCKET, key: ip, at: now } });
    const binding = report.terminalId ? await bindingFor(tx, report.terminalId, report.occurredOn) : null;
    const details: Record<string, string> = { occurredOn: report.occurredOn, payeeShown: report.payeeShown };
    if (report.terminalId) details.terminalOnSlip = report.terminalId;
    if (report.merchantName) details.merchantNameOnSlip = report.merchantName;
    if (report.merchantNo) details.merchantNoOnSlip = report.merchantNo;
    if (report.amount !== null) details.amountYuan = yuanOf(report.amount);
    if (report.contact) details.reporterContact = report.contact;
    const opened = await openCase(
      tx,
      {
        kind: "CARDHOLDER_REPORT",
        merchantId: binding?.merchantId ?? null,
        changeRequestId: null,
        terminalId: report.terminalId || null,
        // The cardholder's own words; the facts beside it carry what was on the slip.
        summary: report.description || `持卡人举报：${report.terminalId ? `终端 ${report.terminalId}` : `“${report.merchantName}”`}显示的收款方为“${report.payeeShown}”。`,
        details,
        now,
      },
      null,
      requestMeta,
    );
    return { trapped: false as const, reference: opened.reference };
  });
  if (outcome.trapped) logger.info({ ip, bucket: BUCKET }, "cardholder report dropped: bot trap filled");
  return { reference: outcome.reference };
}
