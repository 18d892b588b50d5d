import "server-only";
import type { Actor } from "@/lib/server/auth/current-actor";
import { beijingDate } from "@/lib/domain/cases/cardholder-report";
import { submitCardholderReport } from "@/lib/server/cases/submit-cardholder-report";
import { prisma } from "@/lib/server/db";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { createCampaign } from "@/lib/server/spot-checks/create-campaign";
import { recordItemOutcome } from "@/lib/server/spot-checks/record-item-outcome";

/**
 * Demo cases for the embedded database, after the demo merchants: a spot-check discrepancy on the
 * demo restaurant (MCC 5812; no other e2e spec changes it) recorded by the auditor through the real
 * campaign use cases, so a correction case waits on the clerks' work page; and a cardholder report
 * through the public report page's own use case, which links it to the supermarket its terminal
 * 35A10001 is bound to. Only into a database without any case, and only when the demo auditor exists. Returns how many cases were opened.
 */
export async function seedDemoCases(): Promise<number> {
  const db = await prisma();
  if ((await db.case.count()) > 0) return 0;
  const [auditor, clerk] = await Promise.all([
    db.user.findFirst({ where: { username: "auditor", role: "AUDITOR", disabledAt: null } }),
    db.user.findFirst({ where: { username: "clerk", role: "CLERK" } }),
  ]);
  if (!auditor || !clerk || (await db.merchant.count({ where: { status: "ACTIVE" } })) === 0) return 0;
  const actor: Actor = { id: auditor.id, username: auditor.username, displayName: auditor.displayName, role: "AUDITOR", locale: auditor.locale, sessionId: "demo-seed", mfaPassed: true, mfaEnrolled: false, mustChangePassword: false };

  const campaign = await createCampaign({
    actor,
    input: { name: "演示：季度收款账户核对", periodStart: "2026-10-01", periodEnd: "2026-12-31", population: { makerIds: [clerk.id], mccs: ["5812"] }, sizing: { method: "FIXED", sampleSize: 1 }, strategy: "SIMPLE", seed: "demo-cases", auditorIds: [auditor.id] },
    requestMeta: SYSTEM_META,
  });
  const item = await db.spotCheckItem.findFirstOrThrow({ where: { campaignId: campaign.campaignId } });
  await recordItemOutcome({
    actor,
    input: {
      itemId: item.id, version: item.version, outcome: "DISCREPANCY",
      checklist: { accountHolderConfirmed: true, accountNumberConfirmed: true, terminalAtAddress: false, contactReachable: true },
      note: "小票上的商户简称与系统记录不一致，门店已更名，请按营业执照更新签购单名称。",
    },
    requestMeta: SYSTEM_META,
  });
  await submitCardholderReport({
    input: {
      terminalId: "35A10001",
      payeeShown: "福州某某贸易有限公司",
      occurredOn: beijingDate(new Date()),
      amount: "86.50",
      description: "持卡人反映：在终端 35A10001 刷卡后，签购单显示的收款方不是所消费的门店。",
    },
    requestMeta: SYSTEM_META,
  });
  return 2;
}
