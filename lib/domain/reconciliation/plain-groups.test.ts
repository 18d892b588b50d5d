import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, PlainGrouper, type PlainGroup } from "./plain-groups";

const SLOT = 256;
const encoder = new TextEncoder();

type Row = { key: [string, string, string, string]; at: number; fen: number };

/**
 * The rows through the grouper, fed as the scan feeds it: each field at its slot of one buffer.
 * `collide`: every key given the same field hashes, so that only its bytes tell keys apart.
 */
function grouped(rows: readonly Row[], instants: Map<string, number[]>, collide = false): PlainGroup[] {
  const grouper = new PlainGrouper(instants, SLOT);
  const key = new Uint8Array(4 * SLOT);
  const lengths = new Int32Array(4);
  rows.forEach((r, row) => {
    r.key.forEach((field, f) => {
      const bytes = encoder.encode(field);
      key.set(bytes, f * SLOT);
      lengths[f] = bytes.length;
    });
    grouper.add(key, lengths, r.at, r.fen, row, collide ? new Int32Array(4) : undefined);
  });
  const groups = [...grouper.groups()];
  // In the order of their first rows, whichever bucket they are of.
  groups.forEach((g, i) => i > 0 && expect(g.firstRow).toBeGreaterThan(groups[i - 1]!.firstRow));
  return groups;
}

/** The same grouping written plainly: a Map by the fields' text and the bucket. */
function reference(rows: readonly Row[], instants: Map<string, number[]>): PlainGroup[] {
  const groups = new Map<string, PlainGroup>();
  rows.forEach((r, row) => {
    const list = instants.get(r.key[0]);
    const bucket = list === undefined ? null : bucketOf(list, r.at);
    const id = JSON.stringify([...r.key, bucket]);
    const g = groups.get(id);
    if (g === undefined) {
      const [terminal, merchant, payee, account] = r.key;
      groups.set(id, { terminal, merchant, payee, account, bucket, rows: 1, fen: r.fen, firstMs: r.at, lastMs: r.at, firstRow: row });
    } else {
      g.rows++;
      g.fen += r.fen;
      g.firstMs = Math.min(g.firstMs, r.at);
      g.lastMs = Math.max(g.lastMs, r.at);
    }
  });
  return [...groups.values()];
}

const sorted = (groups: PlainGroup[]) => groups.map((g) => JSON.stringify(g)).sort();

describe("plain rows grouped by their bytes", () => {
  it("groups as a Map by text and change bucket does, whatever the rows (fields that run into each other, Chinese, changes)", () => {
    // Few distinct characters: many alike rows, and fields whose bytes differ only in where one ends.
    // A long unit now and then: keys of over 64 bytes are kept apart from their slots.
    const text = fc.string({ unit: fc.constantFrom("a", "b", "收", "款", "1", "收款方名称收款方名称"), maxLength: 4 });
    const row = fc.record({ key: fc.tuple(fc.constantFrom("T1", "T2", "T3"), text, text, text), at: fc.integer({ min: 0, max: 100 }), fen: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }), (rows, at) => {
        const instants = new Map([["T1", [...at].sort((a, b) => a - b)], ["T2", []]]);
        expect(sorted(grouped(rows as Row[], instants))).toEqual(sorted(reference(rows as Row[], instants)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps keys apart by their bytes alone when their hashes are the same", () => {
    // Texts of lengths around whole words that differ in one byte, first, last or within a word.
    const long = "收款方名称".repeat(5);
    const text = fc.constantFrom("", "a", "b", "ab", "aa", "abc", "abd", "abcd", "abce", "bbcd", "abcda", "abcdb", "收", "收a", "收b", "abcdabcd", "abcdabce", `${long}a`, `${long}b`);
    const row = fc.record({ key: fc.tuple(fc.constantFrom("T1", "T2"), text, text, text), at: fc.integer({ min: 0, max: 100 }), fen: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 20, maxLength: 200 }), (rows) => {
        const instants = new Map([["T1", [50]]]);
        expect(sorted(grouped(rows as Row[], instants, true))).toEqual(sorted(reference(rows as Row[], instants)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps keys of about 64 bytes whole, in their slots or apart from them, beside their neighbours", () => {
    // Four fields of 4 + 4 + 4 + n bytes (each from a whole word): 60 to 76 bytes in all, in slots one after another.
    const rows: Row[] = [];
    for (let n = 45; n <= 64; n++) {
      for (const last of ["a", "b"]) rows.push({ key: ["T1", "M", "P", `${"x".repeat(n - 1)}${last}`], at: n, fen: 1 });
    }
    const doubled = [...rows, ...rows];
    expect(sorted(grouped(doubled, new Map(), true))).toEqual(sorted(reference(doubled, new Map())));
    expect(sorted(grouped(doubled, new Map()))).toEqual(sorted(reference(doubled, new Map())));
  });

  it("cuts a key's rows exactly at its terminal's change instants, whichever of its rows comes first", () => {
    // Few keys and few instants: rows of one key on both sides of an instant, and at it.
    const row = fc.record({
      key: fc.constantFrom<Row["key"]>(["T1", "M", "P", "A"], ["T1", "M", "Q", "A"], ["T2", "M", "P", "A"]),
      at: fc.integer({ min: 0, max: 12 }),
      fen: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }), (rows, at) => {
        const instants = new Map([["T1", [...at].sort((a, b) => a - b)]]);
        expect(sorted(grouped(rows as Row[], instants))).toEqual(sorted(reference(rows as Row[], instants)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps 100,000 distinct groups apart as its table grows", () => {
    const rows: Row[] = [];
    for (let i = 0; i < 100_000; i++) rows.push({ key: [`T${i % 7}`, `M${i}`, "收款方", `****${i % 10_000}`], at: i, fen: 1 });
    rows.push({ ...rows[12_345]!, at: -5, fen: 2 });
    // Rows of early groups past a change of their terminal, once the table has grown many times.
    rows.push({ ...rows[3]!, at: 200_000, fen: 4 }, { ...rows[10]!, at: 200_001, fen: 5 }, { ...rows[3]!, at: 200_002, fen: 6 });
    const groups = grouped(rows, new Map([["T3", [150_000]]]));
    expect(groups).toHaveLength(100_002);
    expect(groups.find((g) => g.merchant === "M12345")).toMatchObject({ rows: 2, fen: 3, firstMs: -5, lastMs: 12_345, firstRow: 12_345 });
    expect(groups.filter((g) => g.merchant === "M3")).toEqual([
      expect.objectContaining({ terminal: "T3", bucket: 0, rows: 1, fen: 1, firstRow: 3 }),
      expect.objectContaining({ terminal: "T3", bucket: 1, rows: 2, fen: 10, firstMs: 200_000, lastMs: 200_002, firstRow: 100_001 }),
    ]);
    expect(groups.find((g) => g.merchant === "M10" && g.bucket === 1)).toMatchObject({ terminal: "T3", rows: 1, fen: 5, firstRow: 100_002 });
  });

  it("buckets as width_bucket: how many instants are at or before the time", () => {
    expect([0, 9, 10, 11, 20, 25].map((at) => bucketOf([10, 20], at))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(bucketOf([], 5)).toBe(0);
  });
});
