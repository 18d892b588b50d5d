/**
 * Groups of alike rows, counted as a file is staged: rows with the same terminal, merchant number,
 * payee key and account differ only in their time, so while none of their records changes they
 * are classified once (decision 042). A file has tens of thousands of such groups; beyond `limit`
 * new groups are not kept (memory stays bounded), nor beyond `perTerminal` for one terminal (the
 * look-up stays short): their rows are compared one by one.
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
};

export const ROW_GROUP_LIMIT = 100_000;
export const ROW_GROUPS_PER_TERMINAL = 64;

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
  private readonly firstLine: number[] = [];
  private readonly rowCount: number[] = [];

  constructor(private readonly limit = ROW_GROUP_LIMIT, private readonly perTerminal = ROW_GROUPS_PER_TERMINAL) {}

  /** The row's group number (1, 2, …), or null when its group is new and no more are kept. */
  add(terminalId: string, merchantNo: string, accountLast4: string, accountHash: string | null, payeeKey: string, lineNumber: number, time: number): number | null {
    let list = this.byTerminal.get(terminalId);
    if (list !== undefined) {
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (this.merchantNo[i] === merchantNo && this.accountLast4[i] === accountLast4 && this.accountHash[i] === accountHash && this.payeeKey[i] === payeeKey) {
          if (time < this.firstAt[i]!) this.firstAt[i] = time;
          if (time > this.lastAt[i]!) this.lastAt[i] = time;
          this.rowCount[i]!++;
          return i + 1;
        }
      }
      if (list.length >= this.perTerminal) return null;
    }
    if (this.terminalId.length >= this.limit) return null;
    const i = this.terminalId.length;
    this.terminalId.push(detached(terminalId));
    this.merchantNo.push(detached(merchantNo));
    this.accountLast4.push(detached(accountLast4));
    this.accountHash.push(accountHash === null ? null : detached(accountHash));
    this.payeeKey.push(detached(payeeKey));
    this.firstAt.push(time);
    this.lastAt.push(time);
    this.firstLine.push(lineNumber);
    this.rowCount.push(1);
    if (list === undefined) this.byTerminal.set(this.terminalId[i]!, (list = []));
    list.push(i);
    return i + 1;
  }

  get size(): number {
    return this.terminalId.length;
  }

  /** The groups in order of number, `size` at a time at most. */
  *batches(size: number): Generator<RowGroup[]> {
    for (let from = 0; from < this.size; from += size) {
      const batch: RowGroup[] = [];
      for (let i = from; i < Math.min(from + size, this.size); i++) {
        batch.push({
          groupNo: i + 1, terminalId: this.terminalId[i]!, merchantNo: this.merchantNo[i]!, payeeKey: this.payeeKey[i]!, accountLast4: this.accountLast4[i]!,
          accountHash: this.accountHash[i]!, firstAt: new Date(this.firstAt[i]!), lastAt: new Date(this.lastAt[i]!), firstLine: this.firstLine[i]!, rowCount: this.rowCount[i]!,
        });
      }
      yield batch;
    }
  }
}
