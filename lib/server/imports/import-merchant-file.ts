import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { columnOfPath, headerProblems, rowToApplication } from "@/lib/domain/imports/columns";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { importRow } from "./import-row";
import { readImportFile } from "./read-import-file";

export type TImportProgress = { total: number; read: number; accepted: number; rejected: number };
export type TRejection = { row: number; column: string; message: string; params?: Record<string, string | number> };
export type TImportedRequest = { row: number; changeRequestId: string; reference: string };

const SUMMARY = { id: true, reference: true, fileName: true, createdAt: true, rowsRead: true, accepted: true, rejected: true, makerId: true } as const;
/** A big file holds the transaction for a while: room for 5,000 rows on a loaded machine. */
const TRANSACTION = { timeout: 15 * 60_000, maxWait: 60_000 };

function rejectionsOf(row: number, err: UseCaseError): TRejection[] {
  const params = Object.keys(err.params).length ? { params: err.params } : {};
  const byField = Object.entries(err.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ row, column: columnOfPath(path), message, ...params })));
  return byField.length ? byField : [{ row, column: "", message: `errors.${err.code}`, ...params }];
}

/** The earlier import of the same file, with who made it, for "already imported" answers. */
async function earlierImport(db: Awaited<ReturnType<typeof prisma>>, sha256: string) {
  const earlier = await db.merchantImport.findUnique({ where: { sha256 }, select: SUMMARY });
  if (!earlier) return null;
  const maker = await db.user.findUnique({ where: { id: earlier.makerId }, select: { username: true } });
  return { ...earlier, maker: maker?.username ?? "" };
}

function newImportReference(now: Date) {
  return `IMP-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * A file of new merchants and changes, each row through the form's own validation and submission
 * path, becomes change requests made by the importing clerk. All accepted rows, the import record
 * (with its row-level refusals) and their audit events commit in ONE transaction: a crash or a
 * maintenance switch mid-file leaves nothing behind (docs/decisions/025). The file's SHA-256 is
 * unique: the same file again opens nothing and names the earlier import.
 */
export async function importMerchantFile({ actor, input, requestMeta, onProgress }: { actor: Actor | null; input: { fileName: string; bytes: Uint8Array }; requestMeta: RequestMeta; onProgress?: (p: TImportProgress) => void }) {
  authorize(actor, "change:submit");
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(-200) || "import";
  const sha256 = crypto.createHash("sha256").update(input.bytes).digest("hex");
  const db = await prisma();
  const earlier = await earlierImport(db, sha256);
  if (earlier) return { duplicateOf: earlier } as const;

  const file = await readImportFile(fileName, input.bytes);
  const problems = headerProblems(file.header);
  if (problems.length) throw new UseCaseError("VALIDATION", Object.fromEntries(problems.map((p) => [`column:${p.column}`, [`imports.${p.message}`]])));
  const rows = file.records.map((r) => ({ ...rowToApplication(r.values, r.row), lostDigits: r.lostDigits }));
  const progress: TImportProgress = { total: rows.length, read: 0, accepted: 0, rejected: 0 };
  onProgress?.({ ...progress });

  const now = new Date();
  const id = crypto.randomUUID();
  const reference = newImportReference(now);
  try {
    return await db.$transaction(async (tx) => {
      // First, so a second upload of the same file waits here on the unique hash, then finds this one.
      await tx.merchantImport.create({ data: { id, reference, fileName, sha256, format: file.format, makerId: actor.id, rowsRead: rows.length, accepted: 0, rejected: 0, requests: [], rejections: [], createdAt: now } });
      const requests: TImportedRequest[] = [];
      const rejections: TRejection[] = [];
      const events = [];
      for (const row of rows) {
        try {
          if (row.lostDigits.length) throw new UseCaseError("VALIDATION", Object.fromEntries(row.lostDigits.map((column) => [`column:${column}`, ["imports.row.lostDigits"]])));
          const opened = await importRow(tx, actor.id, row, now);
          requests.push({ row: row.row, changeRequestId: opened.changeRequestId, reference: opened.reference });
          events.push({ ...opened.auditEvent, after: { ...opened.auditEvent.after, importId: id } });
          progress.accepted++;
        } catch (err) {
          if (!(err instanceof UseCaseError)) throw err;
          rejections.push(...rejectionsOf(row.row, err));
          progress.rejected++;
        }
        progress.read++;
        if (progress.read % 10 === 0 || progress.read === rows.length) onProgress?.({ ...progress });
      }
      // Audit events last: the audit head lock, which every writer in the app waits for, is held only for this tail.
      for (const event of events) await recordAuditEvent(tx, event, actor, requestMeta);
      const summary = { reference, fileName, sha256, rows: rows.length, accepted: requests.length, rejected: progress.rejected };
      await recordAuditEvent(tx, { action: "import.completed", entity: "merchant-import", entityId: id, after: summary }, actor, requestMeta);
      const saved = await tx.merchantImport.update({
        where: { id },
        data: { accepted: requests.length, rejected: progress.rejected, requests: requests as unknown as Prisma.InputJsonValue, rejections: rejections as unknown as Prisma.InputJsonValue },
        select: SUMMARY,
      });
      return { imported: saved, encoding: file.encoding, requests, rejections } as const;
    }, TRANSACTION);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await earlierImport(db, sha256);
    if (first) return { duplicateOf: first } as const;
    // A form submission took a credit code or merchant this file also had, between our check and our write.
    throw new UseCaseError("CONFLICT", { file: ["imports.file.raced"] });
  }
}
