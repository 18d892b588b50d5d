import crypto from "node:crypto";
import { expect } from "vitest";
import { ndjsonMessages } from "@/components/forms/ndjson-lines";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enterpriseApplication } from "@/test/integration/applications";
import { csvBytes, importRecord } from "@/test/integration/import-files";
import { uniqueTerminalId } from "./submissions";

/** A CSV of good new-merchant rows; each row's credit code finds its change request afterwards. */
export type ImportFile = { name: string; bytes: Uint8Array; sha256: string; creditCodes: string[] };

export function goodImportFile(rows: number): ImportFile {
  const applications = Array.from({ length: rows }, () => enterpriseApplication({ terminalId: uniqueTerminalId() }));
  const bytes = csvBytes(applications.map((a) => importRecord(a)));
  return {
    name: `system-import-${rows}.csv`,
    bytes,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    creditCodes: applications.map((a) => a.merchant.creditCode!),
  };
}

export type ImportProgress = { total: number; read: number; accepted: number; rejected: number };
/** The upload's last NDJSON line ("done", "duplicate" or "error"), or a plain JSON refusal. */
export type ImportOutcome = { type: string; import?: { reference: string; accepted: number; rejected: number }; error?: string };
export type ImportRun = { status: number; progress: ImportProgress[]; outcome: ImportOutcome | null; cutOff: boolean };

/**
 * Uploads the file as the /imports page does (multipart POST to /imports/upload) and reads the
 * streamed progress lines as they come. A connection cut by a killed server ends the run with
 * `cutOff` and no outcome.
 */
export async function uploadImport(base: string, cookie: string, file: ImportFile, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportRun> {
  const run: ImportRun = { status: 0, progress: [], outcome: null, cutOff: false };
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(file.bytes)], { type: "text/csv" }), file.name);
  try {
    const response = await fetch(`${base}/imports/upload`, { method: "POST", headers: { origin: base, cookie }, body: form });
    run.status = response.status;
    if (!(response.headers.get("content-type") ?? "").includes("ndjson")) {
      run.outcome = { type: "refused", ...((await response.json()) as object) };
      return run;
    }
    for await (const parsed of ndjsonMessages<ImportOutcome & ImportProgress>(response.body!)) {
      if (parsed.type === "progress") {
        run.progress.push(parsed);
        onProgress(parsed);
      } else run.outcome = parsed;
    }
  } catch {
    run.cutOff = true;
  }
  return run;
}

/**
 * Decision 025: the file's rows are all there exactly once, or none is — and the import record
 * exists exactly when they are. Answers which.
 */
export async function expectImportAllOrNothing(prisma: PrismaClient, file: ImportFile): Promise<"all" | "none"> {
  const requests = await prisma.changeRequest.findMany({ where: { creditCode: { in: file.creditCodes } }, select: { creditCode: true, merchantId: true } });
  const record = await prisma.merchantImport.count({ where: { sha256: file.sha256 } });
  const state = `${requests.length} of the file's ${file.creditCodes.length} rows stored, import record ${record ? "present" : "absent"}`;
  expect([0, file.creditCodes.length], `all-or-nothing import: ${state}`).toContain(requests.length);
  expect(new Set(requests.map((r) => r.creditCode)).size, `each row once: ${state}`).toBe(requests.length);
  expect(new Set(requests.map((r) => r.merchantId)).size, `one merchant per row: ${state}`).toBe(requests.length);
  expect(record, `import record with the rows: ${state}`).toBe(requests.length ? 1 : 0);
  return requests.length ? "all" : "none";
}

/**
 * After a crash the clerk uploads the same file again: it commits now (or names the import that
 * already did); a further upload answers "already imported". The database check is the caller's
 * (expectImportAllOrNothing answering "all"): the embedded database can only be read once the app stops.
 */
export async function retryImport(base: string, cookie: string, file: ImportFile, before: "all" | "none") {
  const retry = await uploadImport(base, cookie, file);
  expect(retry.outcome?.type, JSON.stringify(retry.outcome)).toBe(before === "none" ? "done" : "duplicate");
  if (before === "none") expect(retry.outcome?.import).toMatchObject({ accepted: file.creditCodes.length, rejected: 0 });
  const again = await uploadImport(base, cookie, file);
  expect(again.outcome?.type, JSON.stringify(again.outcome)).toBe("duplicate");
}
