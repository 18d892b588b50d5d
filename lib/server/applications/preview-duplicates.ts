import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkField } from "@/lib/domain/validation";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { findDuplicates } from "./find-duplicates";

const ZPreviewSchema = z.strictObject({
  creditCode: z.string().max(64).optional().default(""),
  accountNo: z.string().max(64).optional().default(""),
  accountType: z.enum(["CORPORATE", "PERSONAL"]).optional().default("CORPORATE"),
  terminalIds: z.array(z.string().max(32)).max(50).optional().default([]),
  serialNos: z.array(z.string().max(64)).max(50).optional().default([]),
  /** Correcting one's own request: its merchant's own credit code, account and terminals are no duplicates. */
  changeRequestId: z.string().max(64).optional(),
  /** Changing an approved merchant: likewise, its own are no duplicates. */
  merchantId: z.string().max(64).optional(),
});

/** The merchant whose own identifiers are not duplicates: of the clerk's own request, or an approved merchant. */
async function ownMerchantId(db: PrismaClient, actor: Actor, query: { changeRequestId?: string; merchantId?: string }) {
  if (query.changeRequestId) return (await db.changeRequest.findFirst({ where: { id: query.changeRequestId, makerId: actor.id }, select: { merchantId: true } }))?.merchantId;
  if (!query.merchantId) return undefined;
  const merchant = await db.merchant.findFirst({ where: { id: query.merchantId, version: { gt: 0 } }, select: { id: true } });
  if (!merchant) throw new UseCaseError("NOT_FOUND");
  return merchant.id;
}

/** Read-only duplicate check while the clerk types; submission repeats it inside its transaction. */
export async function previewDuplicates(actor: Actor | null, input: unknown) {
  authorize(actor, "merchant:draft");
  const query = parseInput(ZPreviewSchema, input);
  const credit = checkField("uscc", query.creditCode);
  const account = checkField(query.accountType === "PERSONAL" ? "bankCard" : "corporateAccount", query.accountNo);
  const db = await prisma();
  return findDuplicates(db, {
    merchantId: await ownMerchantId(db, actor, query),
    creditCode: credit.ok ? credit.normalized! : null,
    accountNoHash: account.ok ? blindIndex("account-no", account.normalized!) : "-",
    terminalIds: query.terminalIds.map((t) => checkField("terminalId", t).normalized ?? t),
    serialNos: query.serialNos.map((s) => s.trim().toUpperCase()),
  });
}
