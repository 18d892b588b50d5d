import "server-only";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";

/** What the BIN table holds now, for the admin screen: rows per card type and when it was imported. */
export async function getCardBinSummary(actor: Actor | null) {
  authorize(actor, "reference:manage");
  const db = await prisma();
  const [byType, latest] = await Promise.all([
    db.cardBin.groupBy({ by: ["cardType"], _count: { _all: true } }),
    db.cardBin.aggregate({ _max: { importedAt: true } }),
  ]);
  const countOf = (type: string) => byType.find((g) => g.cardType === type)?._count._all ?? 0;
  const debit = countOf("DEBIT");
  const credit = countOf("CREDIT");
  const prepaid = countOf("PREPAID");
  return { total: debit + credit + prepaid, debit, credit, prepaid, importedAt: latest._max.importedAt };
}
