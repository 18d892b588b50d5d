import fs from "node:fs";

const LF = 10;
const CR = 13;
const LOOK_BYTES = 64 * 1024;

/**
 * Where a file's second part begins: just after the first line feed at or after `near`, or null
 * when there is none in the next 64 KiB or it is the last byte. On UTF-8 and GB18030 a line feed
 * byte is never part of a multibyte character, so a part starting there starts on a character.
 */
export function findSplit(filePath: string, size: number, near = Math.floor(size / 2)): number | null {
  const fd = fs.openSync(filePath, "r");
  try {
    const bytes = Buffer.alloc(Math.min(LOOK_BYTES, Math.max(0, size - near)));
    const read = fs.readSync(fd, bytes, 0, bytes.length, near);
    const lf = bytes.subarray(0, read).indexOf(LF);
    if (lf === -1 || near + lf + 1 >= size) return null;
    return near + lf + 1;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The line a reader starts on at byte `end`, counted as the CSV reader counts outside quotes: LF,
 * CRLF and a lone CR each end a line. Inside quotes it counts differently (a lone CR does not), which
 * the first part's reader notices at the split: then the parts are thrown away (decision 044).
 */
export function lineAt(filePath: string, end: number): number {
  const fd = fs.openSync(filePath, "r");
  const bytes = Buffer.alloc(Math.min(1 << 20, end));
  let line = 1;
  let position = 0;
  let lastWasCr = false;
  try {
    while (position < end) {
      const read = fs.readSync(fd, bytes, 0, Math.min(bytes.length, end - position), position);
      if (read === 0) break;
      const piece = bytes.subarray(0, read);
      for (let i = piece.indexOf(LF); i !== -1; i = piece.indexOf(LF, i + 1)) line++;
      for (let i = piece.indexOf(CR); i !== -1; i = piece.indexOf(CR, i + 1)) {
        const next = i + 1 < read ? piece[i + 1] : undefined;
        // A CR followed by LF is counted with the LF; at a piece's end the next piece decides.
        if (next === undefined) continue;
        if (next !== LF) line++;
      }
      if (lastWasCr && piece[0] !== LF) line++;
      lastWasCr = piece[read - 1] === CR;
      position += read;
    }
    if (lastWasCr) line++;
    return line;
  } finally {
    fs.closeSync(fd);
  }
}
