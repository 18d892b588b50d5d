import type { FileEncoding } from "@/lib/domain/reconciliation/decode";
import type { HeaderMap } from "@/lib/domain/reconciliation/header";
import type { FileRow } from "@/lib/domain/reconciliation/read-file";

export type StageWorkerData = {
  filePath: string;
  /** The second part's first byte: just after a line feed. */
  splitAt: number;
  runId: string;
  encoding: FileEncoding;
  header: HeaderMap;
  blindIndexKey: Uint8Array;
  /** Pieces the worker may send ahead of the app's thread; each piece taken returns one. */
  credits: number;
};

export type StageWorkerMessage =
  /** The line the second part starts on, as the worker counted it; the first part's reader checks it. */
  | { kind: "start"; firstLine: number }
  | { kind: "piece"; text: string | Uint8Array; rowsRead: number; rowsStaged: number; rejected: FileRow[]; bytesRead: number }
  | { kind: "done" }
  | { kind: "refused"; key: string; lineNumber?: number; detail?: Record<string, unknown> };
