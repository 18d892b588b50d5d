import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BANK_CATEGORIES } from "@/lib/domain/reference/bank-categories";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { SYSTEM_META } from "@/lib/server/request-meta";

/**
 * Seeds the reviewed MCC and bank-category tables into empty tables; a table that has rows is
 * the admins' and is left alone (an MCC they retired stays retired). Safe to run on every start
 * and from several instances at once: `skipDuplicates` makes a racing second insert a no-op, and
 * only rows actually inserted are audited. Returns how many rows each table received.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<{ mcc: number; bankCategories: number }> {
  const mcc = (await prisma.mcc.count()) > 0 ? 0 : await prisma.$transaction(async (tx) => {
    const { count } = await tx.mcc.createMany({ data: MCC_LIST.map((m) => ({ ...m })), skipDuplicates: true });
    if (count > 0) await recordAuditEvent(tx, { action: "reference.seeded", entity: "reference", entityId: "mcc", after: { inserted: count } }, null, SYSTEM_META);
    return count;
  });
  const bankCategories = (await prisma.bankCategory.count()) > 0 ? 0 : await prisma.$transaction(async (tx) => {
    const { count } = await tx.bankCategory.createMany({ data: BANK_CATEGORIES.map((b) => ({ ...b })), skipDuplicates: true });
    if (count > 0) await recordAuditEvent(tx, { action: "reference.seeded", entity: "reference", entityId: "bank-category", after: { inserted: count } }, null, SYSTEM_META);
    return count;
  });
  return { mcc, bankCategories };
}
