// The staging worker (decision 044): reads the second part of a run's file on its own thread and
// hands the app's thread COPY text, never more than a few pieces ahead of it.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { FileRefusedError } from "@/lib/domain/reconciliation/decode";
import { readTransactionFileBatches, type FileRow } from "@/lib/domain/reconciliation/read-file";
import { blindIndexWith } from "@/lib/server/crypto/blind-index";
import { COPY_PIECE_ROWS, copyLine } from "./copy-line";
import { lineAt } from "./split-file";
import type { StageWorkerData, StageWorkerMessage } from "./stage-worker-messages";

const data = workerData as StageWorkerData;
const port = parentPort!;
let credits = data.credits;
let credited: (() => void) | undefined;
port.on("message", () => {
  credits++;
  credited?.();
  credited = undefined;
});

async function send(message: StageWorkerMessage) {
  while (credits === 0) await new Promise<void>((resolve) => (credited = resolve));
  credits--;
  // The text goes as bytes, encoded here and moved, not copied: the app's thread has no work with it.
  port.postMessage(message, message.kind === "piece" && typeof message.text !== "string" ? [message.text.buffer as ArrayBuffer] : []);
}

async function main() {
  const firstLine = lineAt(data.filePath, data.splitAt);
  port.postMessage({ kind: "start", firstLine } satisfies StageWorkerMessage);
  let bytesRead = 0;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of fs.createReadStream(data.filePath, { start: data.splitAt, highWaterMark: 16 * 1024 })) {
      bytesRead += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  const accountHash = (full: string) => blindIndexWith(data.blindIndexKey, "account-no", full);
  let lines: string[] = [];
  let rowsRead = 0;
  let rejected: FileRow[] = [];
  let bytesSent = 0;
  const piece = async () => {
    const text = Buffer.from(lines.join(""), "utf8");
    await send({ kind: "piece", text: new Uint8Array(text.buffer, text.byteOffset, text.length), rowsRead, rowsStaged: lines.length, rejected, bytesRead: bytesRead - bytesSent });
    bytesSent = bytesRead;
    lines = [];
    rowsRead = 0;
    rejected = [];
  };
  try {
    const part = { from: { header: data.header, encoding: data.encoding, firstLine } };
    for await (const chunkRows of readTransactionFileBatches(bytes(), {}, {}, part)) {
      for (const row of chunkRows) {
        rowsRead++;
        if (row.kind === "rejected") rejected.push(row);
        else lines.push(copyLine(data.runId, row.lineNumber, row.record, accountHash));
        if (lines.length >= COPY_PIECE_ROWS) await piece();
      }
    }
    await piece();
    port.postMessage({ kind: "done" } satisfies StageWorkerMessage);
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    port.postMessage({ kind: "refused", key: err.key, lineNumber: err.lineNumber, detail: err.detail } satisfies StageWorkerMessage);
  }
}

void main().catch((err: unknown) => {
  // An unexpected failure ends the thread with an 'error' event the app's thread reports.
  setImmediate(() => {
    throw err;
  });
});
