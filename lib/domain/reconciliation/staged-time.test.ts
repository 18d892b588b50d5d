import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stagedTimeText } from "./staged-time";

const FIRST = new Date("0000-01-01T00:00:00.000Z").getTime();
const LAST = new Date("9999-12-31T23:59:59.999Z").getTime();

describe("stagedTimeText", () => {
  it("writes what toISOString writes, for 20,000 random instants across years 0000–9999", () => {
    fc.assert(fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
      const at = new Date(ms);
      expect(stagedTimeText(at)).toBe(at.toISOString());
    }), { numRuns: 20_000 });
  });

  it("writes what toISOString writes around day and year boundaries, and outside 0000–9999", () => {
    const edges = ["1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z", "2028-02-29T12:00:00.001Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"];
    for (const text of edges) expect(stagedTimeText(new Date(text))).toBe(text);
    for (const ms of [FIRST - 1, LAST + 1, FIRST - 86_400_000 * 400, LAST + 86_400_000 * 400]) expect(stagedTimeText(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it("stays right when a file spans more days than are kept (the table starts again)", () => {
    const start = Date.UTC(2000, 0, 1);
    for (let i = 0; i < 10_000; i++) {
      const at = new Date(start + i * 86_400_000 + (i % 86_400) * 1000 + (i % 1000));
      expect(stagedTimeText(at)).toBe(at.toISOString());
    }
    // Back to an early day after the table was cleared.
    expect(stagedTimeText(new Date(start + 5))).toBe(new Date(start + 5).toISOString());
  });
});
