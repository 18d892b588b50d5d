import "server-only";
import Papa from "papaparse";
import { ZCampaignRefSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCampaignItems } from "./load-campaign-items";

const CHECKLIST_FIELDS = ["accountHolderConfirmed", "accountNumberConfirmed", "terminalAtAddress", "contactReachable"] as const;

/**
 * One row per item as CSV (UTF-8 with BOM so Excel reads Chinese). No sensitive numbers: the
 * merchant is named by number and name only. Notes are typed text, so formulae are escaped.
 */
export async function exportCampaignReport({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  authorize(actor, "record:export");
  const { campaignId } = parseInput(ZCampaignRefSchema, input);
  const db = await prisma();
  const { campaign, items, userById } = await loadCampaignItems(db, campaignId);
  const name = (id: string | null) => (id ? (userById.get(id)?.username ?? id) : "");
  const csv = Papa.unparse(
    {
      fields: ["campaign", "drawOrder", "merchantNo", "legalName", "merchantVersion", "mcc", "maker", "verifier", "approvers", "drawWeight", "assignee", "status", "outcome", ...CHECKLIST_FIELDS, "note", "checkedBy", "checkedAt", "stale"],
      data: items.map((i) => {
        const checklist = (i.checklist ?? {}) as Partial<Record<(typeof CHECKLIST_FIELDS)[number], boolean>>;
        return [
          campaign.reference, i.drawOrder + 1, i.merchant?.merchantNo ?? "", i.merchant?.legalName ?? "", i.merchantVersion, i.mcc ?? "",
          name(i.makerId), name(i.verifierId), i.approverIds.map(name).join(" "), i.drawWeight, name(i.assigneeId), i.status, i.outcome ?? "",
          ...CHECKLIST_FIELDS.map((f) => (checklist[f] === undefined ? "" : String(checklist[f]))),
          i.note ?? "", name(i.checkedById), i.checkedAt?.toISOString() ?? "", String(i.stale),
        ];
      }),
    },
    { escapeFormulae: true },
  );
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "spotcheck.report-exported", entity: "spot-check-campaign", entityId: campaign.id, after: { rows: items.length } }, actor, requestMeta));
  return { csv: `\uFEFF${csv}`, fileName: `${campaign.reference}.csv`, rows: items.length };
}
