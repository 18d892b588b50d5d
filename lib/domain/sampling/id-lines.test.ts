import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstNotAscending, IdLines } from "./id-lines";

describe("IdLines: ids read by position from one text", () => {
  it("reads each line as the id split would give, and nothing past the ends", () => {
    const lines = IdLines.of("a\nbc\n\nd");
    expect(lines.length).toBe(4);
    expect([0, 1, 2, 3].map((i) => lines.at(i))).toEqual(["a", "bc", "", "d"]);
    expect([lines.at(-1), lines.at(4), lines.at(1.5)]).toEqual([undefined, undefined, undefined]);
    expect([...lines]).toEqual(["a", "bc", "", "d"]);
    expect(lines.text).toBe("a\nbc\n\nd");
  });

  it("agrees with split and with string comparison on the order, for any ids", () => {
    const id = fc.string({ unit: fc.constantFrom("a", "b", "é", "Z", "0", "\u{1F600}", "-"), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 30 }), fc.boolean(), (ids, sort) => {
        const list = sort ? [...new Set(ids)].sort() : ids;
        const lines = IdLines.of(list.join("\n"));
        expect([...lines]).toEqual(list);
        expect(lines.firstNotAscending()).toBe(firstNotAscending(list));
      }),
      { numRuns: 500 },
    );
  });

  it("finds the first id out of order: a repeat, a step down, a longer id before its prefix", () => {
    expect(firstNotAscending(IdLines.of("a\nb\nc"))).toBe(-1);
    expect(firstNotAscending(IdLines.of("a\nb\nb"))).toBe(2);
    expect(firstNotAscending(IdLines.of("a\nc\nb"))).toBe(2);
    expect(firstNotAscending(IdLines.of("ab\na"))).toBe(1);
    expect(firstNotAscending(IdLines.of("a\nab"))).toBe(-1);
    expect(firstNotAscending(["Z", "a", "é"])).toBe(-1);
    expect(firstNotAscending(["é", "a"])).toBe(1);
  });
});
