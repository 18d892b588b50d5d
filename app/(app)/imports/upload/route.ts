import { requireActor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import { assertSameOrigin, jsonResponse } from "@/lib/server/http/json-route";
import { importMerchantFile } from "@/lib/server/imports/import-merchant-file";
import { MAX_IMPORT_BYTES } from "@/lib/server/imports/read-import-file";
import { logger } from "@/lib/server/logger";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/**
 * Upload of an import file (multipart, field "file"). Refusals before any work are plain JSON with
 * their status; once the file is accepted for reading, the answer streams NDJSON: progress lines
 * { type: "progress", total, read, accepted, rejected }, then one { type: "done", … } or { type: "error", … }.
 */
export async function POST(request: Request) {
  let file: File | undefined;
  let run: Parameters<typeof importMerchantFile>[0] | undefined;
  const refusal = await jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireActor("change:submit");
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw new UseCaseError("VALIDATION", { file: ["imports.file.missing"] });
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw new UseCaseError("VALIDATION", { file: ["imports.file.tooLarge"] }, { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
    const upload = (await request.formData()).get("file");
    if (!(upload instanceof File) || upload.size === 0) throw new UseCaseError("VALIDATION", { file: ["imports.file.missing"] });
    file = upload;
    run = { actor, input: { fileName: upload.name, bytes: new Uint8Array() }, requestMeta: await currentRequestMeta() };
    return { body: {} };
  });
  if (!file || !run) return refusal;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const started = run;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await importMerchantFile({ ...started, input: { ...started.input, bytes }, onProgress: (p) => send({ type: "progress", ...p }) });
        if ("duplicateOf" in result) send({ type: "duplicate", import: result.duplicateOf });
        else send({ type: "done", import: result.imported, encoding: result.encoding, requests: result.requests.slice(0, 50), rejections: result.rejections.slice(0, 50) });
      } catch (err) {
        if (err instanceof UseCaseError) send({ type: "error", error: err.code, fieldErrors: err.fieldErrors, params: err.params });
        else {
          logger.error({ err }, "unexpected error in an import");
          send({ type: "error", error: "UNEXPECTED", fieldErrors: {}, params: {} });
        }
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
}
