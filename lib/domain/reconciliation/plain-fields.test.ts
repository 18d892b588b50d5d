import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiText, copiedFen, copiedTime, NAMES, nearAmountText, nearReferenceText, nearTimeText, plainAmountText, plainTimeText, ROW } from "@/test/plain-field-texts";
import { mapHeader } from "./header";
import { containsPan } from "./pan";
import { plainAmount, plainReference, plainTime } from "./plain-fields";
import { parseAmountFen, parseRow, parseTransactionTime } from "./row";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("plainTime, plainAmount and plainReference accept only what the reader reads as the database does", () => {
  const accepts = (plain: (b: Uint8Array, length: number) => boolean, text: string) => {
    const b = utf8(text);
    return plain(b, b.length);
  };
  const mapped = mapHeader(NAMES);
  if (!mapped.ok) throw new Error("bad header");
  const header = mapped.header;

  it("plainTime: a time the reader reads to `text::timestamp - 8 hours`", () => {
    let accepted = 0;
    fc.assert(fc.property(fc.oneof(asciiText, plainTimeText, nearTimeText), (text) => {
      if (!accepts(plainTime, text)) return;
      accepted++;
      expect(parseTransactionTime(text)?.getTime()).toBe(copiedTime(text));
    }), { numRuns: 20_000 });
    expect(accepted).toBeGreaterThan(3_000);
  });

  it("plainAmount: an amount the reader reads to `(text::numeric * 100)::bigint`", () => {
    let accepted = 0;
    fc.assert(fc.property(fc.oneof(asciiText, plainAmountText, nearAmountText), (text) => {
      if (!accepts(plainAmount, text)) return;
      accepted++;
      expect(parseAmountFen(text)).toBe(copiedFen(text));
    }), { numRuns: 20_000 });
    expect(accepted).toBeGreaterThan(3_000);
  });

  it("plainReference: a reference the reader keeps as it is, with no card number in it", () => {
    let accepted = 0;
    fc.assert(fc.property(fc.oneof(asciiText, nearReferenceText), (text) => {
      if (!accepts(plainReference, text)) return;
      accepted++;
      const parsed = parseRow([...ROW.slice(0, 6), text], header);
      expect(parsed.ok && parsed.record.reference).toBe(text);
      expect(containsPan(text)).toBe(false);
    }), { numRuns: 20_000 });
    expect(accepted).toBeGreaterThan(3_000);
  });
});
