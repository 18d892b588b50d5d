import "server-only";
import { z } from "zod";
import { checkField } from "@/lib/domain/validation";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { findDuplicates } from "./find-duplicates";

const ZPreviewSchema = z.strictObject({
  creditCode: z.string().max(64).optional().default(""),
  accountNo: z.string().max(64).optional().default(""),
  accountType: z.enum(["CORPORATE", "PERSONAL"]).optional().default("CORPORATE"),
  terminalIds: z.array(z.string().max(32)).max(50).optional().default([]),
  serialNos: z.array(z.string().max(64)).max(50).optional().default([]),
  /** Correcting one's own request: its merchant's own credit code, account and terminals are no duplicates. */
  changeRequestId: z.string().max(64).optional(),
});

/** Read-only duplicate check while the clerk types; submission repeats it inside its transaction. */
export async function previewDuplicates(actor: Actor | null, input: unknown) {
  authorize(actor, "merchant:draft");
  const query = parseInput(ZPreviewSchema, input);
  const credit = checkField("uscc", query.creditCode);
  const account = checkField(query.accountType === "PERSONAL" ? "bankCard" : "corporateAccount", query.accountNo);
  const db = await prisma();
  const own = query.changeRequestId ? await db.changeRequest.findFirst({ where: { id: query.changeRequestId, makerId: actor.id }, select: { merchantId: true } }) : null;
  return findDuplicates(db, {
    merchantId: own?.merchantId,
    creditCode: credit.ok ? credit.normalized! : null,
    accountNoHash: account.ok ? blindIndex("account-no", account.normalized!) : "-",
    terminalIds: query.terminalIds.map((t) => checkField("terminalId", t).normalized ?? t),
    serialNos: query.serialNos.map((s) => s.trim().toUpperCase()),
  });
}
