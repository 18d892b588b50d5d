/**
 * BIN import row errors, shared by the parser, the use case and the screen. Kept apart from the
 * parser so the client gets these few lines without papaparse.
 */
export type TCardBinField = "file" | "prefix" | "bank" | "cardType";
/** `message` is an i18n key; `line` is the file's line number (the header is line 1). */
export type TCardBinError = { line: number; field: TCardBinField; message: string };

/** At most this many row errors travel back to the screen; the total is reported alongside. */
export const CARD_BIN_MAX_REPORTED_ERRORS = 1_000;

/**
 * Row errors as the use cases' field errors (`{ "rows.<line>.<field>": [message] }`), so they
 * travel the ordinary VALIDATION path, and back.
 */
export function cardBinFieldErrors(errors: readonly TCardBinError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors.slice(0, CARD_BIN_MAX_REPORTED_ERRORS)) (out[`rows.${e.line}.${e.field}`] ??= []).push(e.message);
  return out;
}

export function cardBinErrorsFrom(fieldErrors: Record<string, string[]>): TCardBinError[] {
  const out: TCardBinError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const match = /^rows\.(\d+)\.(file|prefix|bank|cardType)$/.exec(key);
    if (match) for (const message of messages) out.push({ line: Number(match[1]), field: match[2] as TCardBinField, message });
  }
  const order: TCardBinField[] = ["file", "prefix", "bank", "cardType"];
  return out.sort((a, b) => a.line - b.line || order.indexOf(a.field) - order.indexOf(b.field));
}
