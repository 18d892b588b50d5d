// Streams a planned transaction file and its sidecar of planted mismatches (used by gen-transactions.ts).
import fs from "node:fs";
import { once } from "node:events";
import iconv from "iconv-lite";
import { COLUMNS } from "@/lib/domain/reconciliation/header";
import { csvLine, type RowPlanner } from "@/lib/domain/reconciliation/generate";

export type WriteOptions = { out: string; rows: number; encoding: "utf-8" | "gb18030"; header: Record<string, unknown> };

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(stream: fs.WriteStream, chunk: string | Buffer) {
  if (!stream.write(chunk)) await once(stream, "drain");
}

function end(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(resolve);
  });
}

/** Returns how many mismatches were planted. The sidecar is `<out>.mismatches.json`. */
export async function writeTransactionFile(plan: RowPlanner, options: WriteOptions): Promise<number> {
  const encode = (text: string) => (options.encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8"));
  const csv = fs.createWriteStream(options.out);
  const sidecar = fs.createWriteStream(`${options.out}.mismatches.json`);
  const head = JSON.stringify({ ...options.header, file: options.out, encoding: options.encoding, rows: options.rows });
  await write(sidecar, `${head.slice(0, -1)},"planted":[\n`);

  let batch = csvLine(COLUMNS) + "\r\n";
  let planted = 0;
  for (let i = 0; i < options.rows; i++) {
    const row = plan(i);
    batch += csvLine(COLUMNS.map((c) => row.fields[c])) + "\r\n";
    if (row.mismatch !== undefined) {
      // Line 1 is the header; generated fields never hold a line break, so row i is on line i + 2.
      const entry = { line: i + 2, kind: row.mismatch, terminalId: row.fields.terminal_id, reference: row.fields.reference };
      await write(sidecar, `${planted === 0 ? "" : ",\n"}${JSON.stringify(entry)}`);
      planted++;
    }
    if (batch.length >= 1 << 16) {
      await write(csv, encode(batch));
      batch = "";
    }
  }
  if (batch !== "") await write(csv, encode(batch));
  await write(sidecar, `\n],"plantedCount":${planted}}\n`);
  await Promise.all([end(csv), end(sidecar)]);
  return planted;
}
