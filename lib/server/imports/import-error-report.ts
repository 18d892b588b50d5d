import "server-only";
import Papa from "papaparse";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import type { TRejection } from "./import-merchant-file";

/**
 * An import's refused rows as CSV (UTF-8 with BOM for Excel): row, column, message in the reader's
 * language. Stored as message keys, so each clerk reads it in their own; it holds no values.
 */
export async function importErrorReport(actor: Actor | null, importId: string, translate: (key: string, params?: Record<string, string | number>) => string) {
  authorize(actor, "change:submit");
  const db = await prisma();
  const found = await db.merchantImport.findUnique({ where: { id: importId.slice(0, 64) }, select: { reference: true, rejections: true } });
  if (!found) throw new UseCaseError("NOT_FOUND");
  const rejections = found.rejections as TRejection[];
  const csv = Papa.unparse(
    {
      fields: [translate("imports.report.row"), translate("imports.report.column"), translate("imports.report.message")],
      data: rejections.map((r) => [r.row, r.column, translate(r.message, r.params)]),
    },
    { escapeFormulae: true },
  );
  return { csv: `\uFEFF${csv}\r\n`, fileName: `${found.reference}-errors.csv`, rows: rejections.length };
}
