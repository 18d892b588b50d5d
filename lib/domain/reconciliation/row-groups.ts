/**
 * Groups of alike rows, counted as a file is staged: rows with the same terminal, merchant number,
 * payee key and account differ only in their time, so while none of their records changes they
 * are classified once (decision 042). Each group keeps its line numbers. A file has tens of
 * thousands of groups; beyond `limit` groups, or `perTerminal` for one terminal (the look-up stays
 * short), a row goes to group 0, whose rows are compared one by one. Beyond `maxLines` lines the
 * grouping is given up altogether (memory stays bounded): every row is then compared one by one.
 */
export type RowGroup = {
  groupNo: number;
  terminalId: string;
  merchantNo: string;
  payeeKey: string;
  accountLast4: string;
  accountHash: string | null;
  firstAt: Date;
  lastAt: Date;
  firstLine: number;
  rowCount: number;
  lines: number[];
};

export const ROW_GROUP_LIMIT = 100_000;
export const ROW_GROUPS_PER_TERMINAL = 64;
/** 5,000,000 line numbers: some 40 MB while a file is staged. */
export const ROW_GROUP_MAX_LINES = 5_000_000;
/**
 * A string that holds on to nothing else: a field cut from the file text may be a slice that keeps
 * the whole chunk of text alive (48,000 groups held 110 MB that way). V8 copies slices shorter than
 * 13 characters; a longer one is flattened into a new string by slicing a concatenation.
 */
const detached = (s: string) => (s.length < 13 ? s : (" " + s).slice(1));

export class RowGroups {
  // Looked up by terminal, then compared field by field: no key string is built per row.
  private readonly byTerminal = new Map<string, number[]>();
  private readonly terminalId: string[] = [];
  private readonly merchantNo: string[] = [];
  private readonly accountLast4: string[] = [];
  private readonly accountHash: (string | null)[] = [];
  private readonly payeeKey: string[] = [];
  private readonly firstAt: number[] = [];
  private readonly lastAt: number[] = [];
  private lines: number[][] = [];
  private alone: number[] = [];
  private held = 0;
  private gaveUp = false;

  constructor(
    private readonly limit = ROW_GROUP_LIMIT,
    private readonly perTerminal = ROW_GROUPS_PER_TERMINAL,
    private readonly maxLines = ROW_GROUP_MAX_LINES,
  ) {}

  add(terminalId: string, merchantNo: string, accountLast4: string, accountHash: string | null, payeeKey: string, lineNumber: number, time: number): void {
    if (this.gaveUp) return;
    if (++this.held > this.maxLines) return this.giveUp();
    let list = this.byTerminal.get(terminalId);
    if (list !== undefined) {
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (this.merchantNo[i] === merchantNo && this.accountLast4[i] === accountLast4 && this.accountHash[i] === accountHash && this.payeeKey[i] === payeeKey) {
          if (time < this.firstAt[i]!) this.firstAt[i] = time;
          if (time > this.lastAt[i]!) this.lastAt[i] = time;
          this.lines[i]!.push(lineNumber);
          return;
        }
      }
      if (list.length >= this.perTerminal) return void this.alone.push(lineNumber);
    }
    if (this.terminalId.length >= this.limit) return void this.alone.push(lineNumber);
    const i = this.terminalId.length;
    this.terminalId.push(detached(terminalId));
    this.merchantNo.push(detached(merchantNo));
    this.accountLast4.push(detached(accountLast4));
    this.accountHash.push(accountHash === null ? null : detached(accountHash));
    this.payeeKey.push(detached(payeeKey));
    this.firstAt.push(time);
    this.lastAt.push(time);
    this.lines.push([lineNumber]);
    if (list === undefined) this.byTerminal.set(this.terminalId[i]!, (list = []));
    list.push(i);
  }

  private giveUp() {
    this.gaveUp = true;
    this.release();
  }

  /** Lets go of everything kept: whatever still refers to this object (a finished COPY stream's source, say) holds nothing. */
  release() {
    this.byTerminal.clear();
    for (const column of [this.terminalId, this.merchantNo, this.accountLast4, this.accountHash, this.payeeKey, this.firstAt, this.lastAt]) column.length = 0;
    this.lines = [];
    this.alone = [];
  }

  /** Groups kept (group 0 not counted); 0 once the grouping was given up. */
  get size(): number {
    return this.gaveUp ? 0 : this.terminalId.length;
  }

  /** The groups in order of number, `size` at a time at most, then group 0 if any row is in it. */
  *batches(size: number): Generator<RowGroup[]> {
    for (let from = 0; from < this.size; from += size) {
      const batch: RowGroup[] = [];
      for (let i = from; i < Math.min(from + size, this.size); i++) {
        const lines = this.lines[i]!;
        batch.push({
          groupNo: i + 1, terminalId: this.terminalId[i]!, merchantNo: this.merchantNo[i]!, payeeKey: this.payeeKey[i]!, accountLast4: this.accountLast4[i]!,
          accountHash: this.accountHash[i]!, firstAt: new Date(this.firstAt[i]!), lastAt: new Date(this.lastAt[i]!), firstLine: lines[0]!, rowCount: lines.length, lines,
        });
      }
      yield batch;
    }
    if (!this.gaveUp && this.alone.length > 0) {
      yield [{ groupNo: 0, terminalId: "", merchantNo: "", payeeKey: "", accountLast4: "", accountHash: null, firstAt: new Date(0), lastAt: new Date(0), firstLine: this.alone[0]!, rowCount: this.alone.length, lines: this.alone }];
    }
  }
}
