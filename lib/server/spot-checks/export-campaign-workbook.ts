import "server-only";
import ExcelJS from "exceljs";
import { ZCampaignRefSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { getCampaignReport } from "./get-campaign-report";
import { loadCampaignItems } from "./load-campaign-items";

const CHECKLIST_FIELDS = ["accountHolderConfirmed", "accountNumberConfirmed", "terminalAtAddress", "contactReachable"] as const;

/** Typed text starting with a formula character is stored as text, never evaluated (CSV-injection's .xlsx twin). */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The campaign report as an Excel workbook: a summary sheet (plan, progress, rates with the 95 %
 * Wilson interval), the per-maker and per-MCC tables, and one row per item as in the CSV. No
 * sensitive numbers. Audited like the CSV.
 */
export async function exportCampaignWorkbook({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  authorize(actor, "record:export");
  const { campaignId } = parseInput(ZCampaignRefSchema, input);
  const { campaign, report, makerNames } = await getCampaignReport({ actor, input: { campaignId } });
  const db = await prisma();
  const { items, userById } = await loadCampaignItems(db, campaignId);
  const name = (id: string | null) => (id ? (userById.get(id)?.username ?? id) : "");

  const book = new ExcelJS.Workbook();
  book.creator = "PayeeGuard";
  book.created = new Date();
  const summary = book.addWorksheet("summary");
  summary.columns = [{ header: "field", key: "field", width: 32 }, { header: "value", key: "value", width: 48 }];
  const s = report.sample;
  const rows: [string, string | number | null][] = [
    ["reference", campaign.reference], ["name", text(campaign.name)], ["status", campaign.status], ["strategy", campaign.strategy], ["seed", text(campaign.seed)],
    ["periodStart", campaign.periodStart.toISOString().slice(0, 10)], ["periodEnd", campaign.periodEnd.toISOString().slice(0, 10)],
    ["populationSize", campaign.populationSize], ["populationHash", campaign.populationHash], ["sampleSize", campaign.sampleSize], ["sizingMethod", campaign.sizing.method],
    ...(campaign.sizing.method === "ATTRIBUTE" ? ([["confidence", campaign.sizing.confidence], ["tolerableRate", campaign.sizing.tolerableRate], ["expectedRate", campaign.sizing.expectedRate]] as [string, number][]) : []),
    ["total", report.progress.total], ["done", report.progress.done], ["pending", report.progress.pending], ["stale", report.progress.stale],
    ["confirmed", report.outcomes.CONFIRMED], ["discrepancy", report.outcomes.DISCREPANCY], ["unreachable", report.outcomes.UNREACHABLE],
    ["examined", s?.examined ?? 0], ["sampleRate", s?.sampleRate ?? null], ["wilson95Lower", s?.wilson95.lower ?? null], ["wilson95Upper", s?.wilson95.upper ?? null],
    ["projectedRate", report.projected.rate], ["projectionBasis", report.projected.basis],
  ];
  for (const [field, value] of rows) summary.addRow({ field, value });

  const breakdownSheet = (title: string, keyHeader: string, list: typeof report.byMaker, label: (key: string) => string) => {
    const sheet = book.addWorksheet(title);
    sheet.columns = [keyHeader, "total", "done", "examined", "discrepancies", "unreachable", "rate", "wilson95Lower", "wilson95Upper"].map((h) => ({ header: h, key: h, width: h === keyHeader ? 24 : 14 }));
    for (const b of list) {
      sheet.addRow([label(b.key), b.total, b.done, b.examined, b.discrepancies, b.unreachable, b.wilson95?.estimate ?? null, b.wilson95?.lower ?? null, b.wilson95?.upper ?? null]);
    }
  };
  breakdownSheet("by maker", "maker", report.byMaker, (key) => text(makerNames[key] ?? key));
  breakdownSheet("by MCC", "mcc", report.byMcc, (key) => key);

  const sheet = book.addWorksheet("items");
  const fields = ["drawOrder", "merchantNo", "legalName", "merchantVersion", "mcc", "maker", "verifier", "approvers", "drawWeight", "assignee", "status", "outcome", ...CHECKLIST_FIELDS, "note", "checkedBy", "checkedAt", "stale"];
  sheet.columns = fields.map((h) => ({ header: h, key: h, width: h === "legalName" || h === "note" ? 32 : 14 }));
  for (const i of items) {
    const checklist = (i.checklist ?? {}) as Partial<Record<(typeof CHECKLIST_FIELDS)[number], boolean>>;
    sheet.addRow([
      i.drawOrder + 1, i.merchant?.merchantNo ?? "", text(i.merchant?.legalName ?? ""), i.merchantVersion, i.mcc ?? "", name(i.makerId), name(i.verifierId), i.approverIds.map(name).join(" "),
      i.drawWeight, name(i.assigneeId), i.status, i.outcome ?? "", ...CHECKLIST_FIELDS.map((f) => checklist[f] ?? null), text(i.note ?? ""), name(i.checkedById), i.checkedAt ?? null, i.stale,
    ]);
  }
  for (const ws of book.worksheets) ws.getRow(1).font = { bold: true };

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "spotcheck.report-exported", entity: "spot-check-campaign", entityId: campaign.id, after: { rows: items.length, format: "xlsx" } }, actor, requestMeta));
  return { buffer, fileName: `${campaign.reference}.xlsx`, rows: items.length };
}
