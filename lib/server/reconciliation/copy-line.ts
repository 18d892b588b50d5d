import { payeeKey } from "@/lib/domain/reconciliation/payee-key";
import type { TransactionRecord } from "@/lib/domain/reconciliation/row";

// Shared by the app's thread and the staging worker (decision 044), so free of "server-only".

export const COPY_ROWS = `COPY "ReconciliationRow" ("runId", "lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeName", "payeeKey", "accountLast4", "accountHash", "amountFen", "reference") FROM STDIN`;
/** Rows per piece handed to COPY: small pieces keep the text in memory small and young (decisions 035, 039). */
export const COPY_PIECE_ROWS = 250;

/** COPY's text format: backslash, tab and line ends escaped; \N is NULL. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const copyText = (s: string) => (COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!) : s);

/** One staged row in COPY's text format. The full account goes no further than `accountHash`. */
export function copyLine(runId: string, lineNumber: number, r: TransactionRecord, accountHash: (full: string) => string): string {
  const hash = r.account.full === undefined ? "\\N" : copyText(accountHash(r.account.full));
  return `${runId}\t${lineNumber}\t${r.transactionAt.toISOString()}\t${copyText(r.terminalId)}\t${copyText(r.merchantNo)}\t${copyText(r.payeeName)}\t${copyText(payeeKey(r.payeeName))}\t${copyText(r.account.last4)}\t${hash}\t${r.amountFen}\t${copyText(r.reference)}\n`;
}
