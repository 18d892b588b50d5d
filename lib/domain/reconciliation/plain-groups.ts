/**
 * A plain file's alike rows, grouped by their bytes as the scan reads them (decision 045): same
 * terminal, merchant, payee and account text, and between the same change instants of that
 * terminal, as the database groups copied rows (`width_bucket`). Nothing is decoded per row: a
 * group's text is decoded once, when it is handed out.
 */

/** A terminal's change instants, ascending epoch milliseconds (UTC). */
export type ChangeInstants = ReadonlyMap<string, readonly number[]>;

/** One group: the text of its key fields, which change bucket, and what it adds to a finding. */
export type PlainGroup = {
  terminal: string; merchant: string; payee: string; account: string;
  /** How many of the terminal's change instants are at or before the rows' times (null: it has none). */
  bucket: number | null;
  rows: number; fen: number; firstMs: number; lastMs: number;
  /** Its first data row, 0-based (line = row + 2). */
  firstRow: number;
};

type Totals = { rows: number; fen: number; firstMs: number; lastMs: number; firstRow: number };

const decoder = new TextDecoder();

/** The fields a row is grouped by: terminal, merchant, payee and account. */
export const KEY_FIELDS = 4;

/**
 * A slot of the table is its entry, all a row of it reads in one cache line's 8 numbers: its tag (the
 * key's four lengths and 12 bits of its hash: a probe of another key mostly stops there), where its
 * key is (IN_SLOT, or its place in the pool), the instants its bucket lies between ([FROM, UNTIL): a
 * row in them is of its bucket), rows, fen, first and last time; the second line holds the key when
 * it fits. What rows never read is kept by entry, in `cold`.
 */
const STRIDE = 16;
const TAG = 0, KEY_AT = 1, FROM = 2, UNTIL = 3, ROWS = 4, FEN = 5, FIRST = 6, LAST = 7;
/** A key of up to this many bytes (fields from whole words) is kept in its slot's second line, beside the first. */
const INLINE = 8, INLINE_BYTES = 64;
/** KEY_AT of a key kept in its slot. */
const IN_SLOT = -1;
/** By entry, in `cold`: its key's whole hash (to place it again), its bucket, first row, and slot. */
const COLD = 4;
const HASH = 0, BUCKET = 1, FIRST_ROW = 2, SLOT = 3;
const TAG_HASH = 4096;
const FREE = -1;

/** A key field's hash (FNV-1a): FIELD_HASH_SEED, then `Math.imul(hash ^ byte, FIELD_HASH_PRIME)` for each of its bytes. */
export const FIELD_HASH_SEED = 0x811c9dc5 | 0;
export const FIELD_HASH_PRIME = 0x01000193;

/** The table's hash of a key from its fields' hashes, in field order (32 bits, unsigned). */
function combinedHash(fieldHashes: Int32Array): number {
  let hash = FIELD_HASH_SEED;
  for (let f = 0; f < KEY_FIELDS; f++) hash = Math.imul(hash ^ fieldHashes[f]!, FIELD_HASH_PRIME) ^ (hash >>> 15);
  return (hash ^ (hash >>> 13)) >>> 0;
}

/** A kept field's bytes, in whole words: each field starts a word (what follows its end is never compared). */
const wordBytes = (length: number) => (length + 3) & ~3;

/** A bigger copy of a typed array (its first `used` elements). */
function grown<T extends Float64Array | Uint8Array>(array: T, used: number, needed: number): T {
  if (needed <= array.length) return array;
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array.subarray(0, used));
  return bigger;
}

/**
 * An open-addressing table over typed arrays: a million rows fall into some 50,000 groups, and a
 * JavaScript object per group (with a Map and a key array) cost four times the time and a hundred MB.
 * An entry's first bucket's totals are in its slot; rows of another bucket (rare: a change within the
 * file's time) go to `others`, by entry and bucket.
 */
export class PlainGrouper {
  /** Slot s at [s * STRIDE, + STRIDE); TAG FREE when it holds no entry. */
  private slots = new Float64Array(STRIDE << 12).fill(FREE);
  /** The slots as bytes and as 32-bit words: the keys kept in them. */
  private slotBytes8 = new Uint8Array(this.slots.buffer);
  private slotWords = new Int32Array(this.slots.buffer);
  /** Entries in the order they were made (their first rows' order): [e * COLD, + COLD). */
  private cold = new Float64Array(COLD << 12);
  /** Slot s's entry. */
  private entryAt = new Int32Array(1 << 12);
  private count = 0;
  private pool = new Uint8Array(1 << 18);
  /** The pool as 32-bit words: keys are compared four bytes at a time, each field from a word's start. */
  private poolWords = new Int32Array(this.pool.buffer);
  private poolUsed = 0;
  /** The caller's key buffer as words (the scan passes the same buffer with every row). */
  private keyWords: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private keyOf: Uint8Array | undefined;
  private readonly instantsOf: (readonly number[] | undefined)[] = [];
  private readonly others = new Map<number, Totals>();

  /** `slotBytes`: where each field starts in the key buffers passed to add (field i at i * slotBytes). */
  constructor(private readonly instants: ChangeInstants, private readonly slotBytes: number) {
    // Four lengths up to slotBytes and 12 bits of hash in one float64's 53 bits.
    if ((slotBytes + 1) ** 4 * TAG_HASH >= 2 ** 53) throw new Error("key fields too long to pack");
    if (slotBytes % 4 !== 0) throw new Error("key fields must start at whole words");
  }

  private packed(lengths: Int32Array): number {
    const base = this.slotBytes + 1;
    return ((lengths[3]! * base + lengths[2]!) * base + lengths[1]!) * base + lengths[0]!;
  }

  /**
   * A data row: `key` holds its four key fields, terminal, merchant, payee and account, field i at
   * [i * slotBytes, + lengths[i]); its time in epoch ms, amount in fen, and 0-based row index.
   * `fieldHashes`: each field's hash (FIELD_HASH_SEED), when the caller made them as it read the bytes.
   */
  add(key: Uint8Array, lengths: Int32Array, at: number, fen: number, row: number, fieldHashes?: Int32Array) {
    const hash = fieldHashes === undefined ? this.keyHash(key, lengths) : combinedHash(fieldHashes);
    const tag = this.packed(lengths) * TAG_HASH + (hash >>> 20);
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    let d = (hash & mask) * STRIDE;
    for (;;) {
      const t = slots[d + TAG]!;
      if (t === FREE) return this.insert(d / STRIDE, hash, tag, key, lengths, at, fen, row);
      if (t === tag && this.sameKey(d, key, lengths)) break;
      d = (d + STRIDE) & (mask * STRIDE + STRIDE - 1);
    }
    // Its bounds in the entry itself: the terminal's instants are looked at only for a row outside them.
    if (at >= slots[d + FROM]! && at < slots[d + UNTIL]!) {
      slots[d + ROWS]!++;
      slots[d + FEN]! += fen;
      if (at < slots[d + FIRST]!) slots[d + FIRST] = at;
      if (at > slots[d + LAST]!) slots[d + LAST] = at;
    } else {
      const e = this.entryAt[d / STRIDE]!;
      const id = e * 65_536 + bucketOf(this.instantsOf[e]!, at);
      const totals = this.others.get(id);
      if (totals === undefined) this.others.set(id, { rows: 1, fen, firstMs: at, lastMs: at, firstRow: row });
      else {
        totals.rows++;
        totals.fen += fen;
        if (at < totals.firstMs) totals.firstMs = at;
        if (at > totals.lastMs) totals.lastMs = at;
      }
    }
  }

  private keyHash(key: Uint8Array, lengths: Int32Array): number {
    const hashes = new Int32Array(KEY_FIELDS);
    for (let f = 0; f < KEY_FIELDS; f++) {
      let h = FIELD_HASH_SEED;
      for (let i = f * this.slotBytes, to = i + lengths[f]!; i < to; i++) h = Math.imul(h ^ key[i]!, FIELD_HASH_PRIME);
      hashes[f] = h;
    }
    return combinedHash(hashes);
  }

  /** Whether the entry at slot offset `d`, whose tag matches, has this key. */
  private sameKey(d: number, key: Uint8Array, lengths: Int32Array): boolean {
    if (key !== this.keyOf) {
      this.keyOf = key;
      this.keyWords = new Int32Array(key.buffer, key.byteOffset, key.length >> 2);
    }
    const keyWords = this.keyWords;
    const inSlot = this.slots[d + KEY_AT] === IN_SLOT;
    const pool = inSlot ? this.slotBytes8 : this.pool, poolWords = inSlot ? this.slotWords : this.poolWords;
    let at = inSlot ? (d + INLINE) * 8 : this.slots[d + KEY_AT]!;
    for (let f = 0; f < KEY_FIELDS; f++) {
      const length = lengths[f]!;
      const from = f * this.slotBytes;
      const words = length >> 2;
      for (let w = 0, p = at >> 2, k = from >> 2; w < words; w++) if (poolWords[p + w] !== keyWords[k + w]) return false;
      for (let i = words << 2; i < length; i++) if (pool[at + i] !== key[from + i]) return false;
      at += wordBytes(length);
    }
    return true;
  }

  private insert(slot: number, hash: number, tag: number, key: Uint8Array, lengths: Int32Array, at: number, fen: number, row: number) {
    const e = this.count++;
    this.cold = grown(this.cold, e * COLD, (e + 1) * COLD);
    const total = wordBytes(lengths[0]!) + wordBytes(lengths[1]!) + wordBytes(lengths[2]!) + wordBytes(lengths[3]!);
    const d = slot * STRIDE;
    this.slots[d + TAG] = tag;
    if (total <= INLINE_BYTES) {
      this.slots[d + KEY_AT] = IN_SLOT;
      for (let f = 0, at = (d + INLINE) * 8; f < KEY_FIELDS; at += wordBytes(lengths[f]!), f++) {
        this.slotBytes8.set(key.subarray(f * this.slotBytes, f * this.slotBytes + lengths[f]!), at);
      }
    } else {
      const pool = grown(this.pool, this.poolUsed, this.poolUsed + total);
      if (pool !== this.pool) [this.pool, this.poolWords] = [pool, new Int32Array(pool.buffer)];
      this.slots[d + KEY_AT] = this.poolUsed;
      for (let f = 0; f < KEY_FIELDS; f++) {
        this.pool.set(key.subarray(f * this.slotBytes, f * this.slotBytes + lengths[f]!), this.poolUsed);
        this.poolUsed += wordBytes(lengths[f]!);
      }
    }
    const instants = this.instants.get(decoder.decode(key.subarray(0, lengths[0])));
    this.instantsOf[e] = instants;
    const bucket = instants === undefined ? -1 : bucketOf(instants, at);
    this.slots[d + FROM] = instants === undefined || bucket === 0 ? -Infinity : instants[bucket - 1]!;
    this.slots[d + UNTIL] = instants === undefined || bucket === instants.length ? Infinity : instants[bucket]!;
    this.slots[d + ROWS] = 1;
    this.slots[d + FEN] = fen;
    this.slots[d + FIRST] = at;
    this.slots[d + LAST] = at;
    const c = e * COLD;
    this.cold[c + HASH] = hash;
    this.cold[c + BUCKET] = bucket;
    this.cold[c + FIRST_ROW] = row;
    this.cold[c + SLOT] = slot;
    this.entryAt[slot] = e;
    if (this.count * 4 > (this.slots.length / STRIDE) * 3) this.rehash();
  }

  /** Twice the slots once three in four are taken (a probe mostly stops at a tag; a smaller table misses the cache less). Entries keep their order. */
  private rehash() {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2).fill(FREE);
    const entryAt = new Int32Array(slots.length / STRIDE);
    const mask = slots.length / STRIDE - 1;
    for (let e = 0; e < this.count; e++) {
      const c = e * COLD;
      let slot = this.cold[c + HASH]! & mask;
      while (slots[slot * STRIDE + TAG] !== FREE) slot = (slot + 1) & mask;
      slots.set(old.subarray(this.cold[c + SLOT]! * STRIDE, this.cold[c + SLOT]! * STRIDE + STRIDE), slot * STRIDE);
      this.cold[c + SLOT] = slot;
      entryAt[slot] = e;
    }
    this.slots = slots;
    this.slotBytes8 = new Uint8Array(slots.buffer);
    this.slotWords = new Int32Array(slots.buffer);
    this.entryAt = entryAt;
  }

  /**
   * The groups, one at a time, in the order of their first rows: made as they are read, so that
   * 50,000 of them never live at once. Entries were made in that order, and so were the other
   * buckets' totals: the two are merged.
   */
  *groups(): Generator<PlainGroup> {
    const base = this.slotBytes + 1;
    const textOf = (e: number) => {
      const d = this.cold[e * COLD + SLOT]! * STRIDE;
      const inSlot = this.slots[d + KEY_AT] === IN_SLOT;
      const bytes = inSlot ? this.slotBytes8 : this.pool;
      let at = inSlot ? (d + INLINE) * 8 : this.slots[d + KEY_AT]!;
      let lengths = Math.floor(this.slots[d + TAG]! / TAG_HASH);
      return Array.from({ length: KEY_FIELDS }, () => {
        const length = lengths % base;
        lengths = (lengths - length) / base;
        const text = decoder.decode(bytes.subarray(at, at + length));
        at += wordBytes(length);
        return text;
      });
    };
    const other = ([id, totals]: [number, Totals]): PlainGroup => {
      const e = Math.floor(id / 65_536);
      const [terminal, merchant, payee, account] = textOf(e);
      return { terminal: terminal!, merchant: merchant!, payee: payee!, account: account!, bucket: id - e * 65_536, ...totals };
    };
    const others = this.others.entries();
    let next = others.next();
    for (let e = 0; e < this.count; e++) {
      const c = e * COLD;
      const d = this.cold[c + SLOT]! * STRIDE;
      const firstRow = this.cold[c + FIRST_ROW]!;
      for (; !next.done && next.value[1].firstRow < firstRow; next = others.next()) yield other(next.value);
      const [terminal, merchant, payee, account] = textOf(e);
      const bucket = this.cold[c + BUCKET]!;
      yield {
        terminal: terminal!, merchant: merchant!, payee: payee!, account: account!, bucket: bucket < 0 ? null : bucket,
        rows: this.slots[d + ROWS]!, fen: this.slots[d + FEN]!, firstMs: this.slots[d + FIRST]!, lastMs: this.slots[d + LAST]!, firstRow,
      };
    }
    for (; !next.done; next = others.next()) yield other(next.value);
  }
}

/** PostgreSQL's width_bucket(at, instants) for ascending instants: how many are at or before `at`. */
export function bucketOf(instants: readonly number[], at: number): number {
  let n = 0;
  while (n < instants.length && instants[n]! <= at) n++;
  return n;
}
