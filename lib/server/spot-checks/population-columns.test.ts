import { describe, expect, it } from "vitest";
import { codesOf, numbersOf } from "./population-columns";

describe("numbersOf", () => {
  it("reads one number per line as PostgreSQL prints float8, whole or not", () => {
    expect([...numbersOf("0\n9\n13\n0.5\n1e+20\n-3\n123456789012345678", 7)]).toEqual([0, 9, 13, 0.5, 1e20, -3, 123456789012345678]);
    expect([...numbersOf("42", 1)]).toEqual([42]);
  });

  it("reads an empty line as no number, and refuses a count that does not match", () => {
    expect(Number.isNaN(numbersOf("1\n\n2", 3)[1]!)).toBe(true);
    expect(() => numbersOf("1\n2", 3)).toThrow();
    expect(() => numbersOf("1\n2\n3", 2)).toThrow();
  });
});

describe("codesOf", () => {
  it("codes each line by its value's first appearance, empty lines included", () => {
    expect(codesOf("b\na\nb\n\nab\na", 6)).toEqual({ names: ["b", "a", "", "ab"], codes: Uint32Array.of(0, 1, 0, 2, 3, 1) });
    expect(codesOf("", 1)).toEqual({ names: [""], codes: Uint32Array.of(0) });
  });

  it("tells apart values whose hashes collide, and refuses a count that does not match", () => {
    // FNV-1a 32-bit collision pair (published): "costarring" / "liquid".
    expect(codesOf("costarring\nliquid\ncostarring", 3)).toEqual({ names: ["costarring", "liquid"], codes: Uint32Array.of(0, 1, 0) });
    expect(() => codesOf("a\nb", 3)).toThrow();
    expect(() => codesOf("a\nb\nc", 2)).toThrow();
  });
});
