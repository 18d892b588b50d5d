import "server-only";
import crypto from "node:crypto";
import { cardBinFieldErrors, parseCardBinCsv } from "@/lib/domain/reference/card-bin-csv";
import { ZImportCardBinsSchema } from "@/lib/domain/reference/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/**
 * Replaces the whole BIN table with the uploaded file, or changes nothing: a half-imported table
 * would let a credit card pass as a settlement account because its row happened to fail. Every
 * row error comes back as a field error `rows.<line>.<field>` (see `cardBinErrorsFrom`).
 */
export async function importCardBins({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "reference:manage");
  const data = parseInput(ZImportCardBinsSchema, input);
  const { rows, errors } = parseCardBinCsv(data.csv);
  if (errors.length > 0) throw new UseCaseError("VALIDATION", cardBinFieldErrors(errors), { errorCount: errors.length });
  const count = (type: string) => rows.filter((r) => r.cardType === type).length;
  const summary = { imported: rows.length, debit: count("DEBIT"), credit: count("CREDIT"), prepaid: count("PREPAID") };
  const sha256 = crypto.createHash("sha256").update(data.csv).digest("hex");
  const db = await prisma();
  return db.$transaction(
    async (tx) => {
      const { count: replaced } = await tx.cardBin.deleteMany();
      // One statement with three array parameters: createMany sends thousands of bound values in
      // chunks and takes ~15 times as long, holding the embedded database's only connection.
      await tx.$executeRaw`
        INSERT INTO "CardBin" (prefix, "bankName", "cardType")
        SELECT * FROM unnest(${rows.map((r) => r.prefix)}::text[], ${rows.map((r) => r.bankName)}::text[], ${rows.map((r) => r.cardType)}::text[]::"CardType"[])`;
      await recordAuditEvent(tx, { action: "reference.bins-imported", entity: "reference", entityId: "card-bin", after: { ...summary, replaced, fileName: data.fileName || null, sha256 } }, actor, requestMeta);
      return { ...summary, replaced };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
