import { describe, expect, it } from "vitest";
import { RowGroups } from "./row-groups";

const at = (iso: string) => new Date(iso).getTime();
const all = (groups: RowGroups, size = 100) => [...groups.batches(size)].flat();

describe("groups of alike rows", () => {
  it("puts rows alike in all but time in one group, with their first and last time and their lines", () => {
    const groups = new RowGroups();
    groups.add("T1", "M1", "1234", null, "shop", 2, at("2026-11-02T00:00:00Z"));
    groups.add("T2", "M1", "1234", null, "shop", 3, at("2026-11-01T00:00:00Z"));
    groups.add("T1", "M1", "1234", null, "shop", 4, at("2026-11-01T00:00:00Z"));
    groups.add("T1", "M1", "1234", null, "shop", 5, at("2026-11-03T00:00:00Z"));
    groups.add("T1", "M1", "1234", "h", "shop", 6, at("2026-11-03T00:00:00Z"));
    groups.add("T1", "M1", "9999", null, "shop", 7, at("2026-11-03T00:00:00Z"));
    groups.add("T1", "M2", "1234", null, "shop", 8, at("2026-11-03T00:00:00Z"));
    groups.add("T1", "M1", "1234", null, "shop 2", 9, at("2026-11-03T00:00:00Z"));
    expect([...groups.batches(4)].map((b) => b.length)).toEqual([4, 2]);
    const [first, second, third] = all(groups);
    expect(first).toEqual({
      groupNo: 1, terminalId: "T1", merchantNo: "M1", accountLast4: "1234", accountHash: null, payeeKey: "shop",
      firstAt: new Date("2026-11-01T00:00:00Z"), lastAt: new Date("2026-11-03T00:00:00Z"), firstLine: 2, rowCount: 3, lines: [2, 4, 5],
    });
    expect(second).toMatchObject({ groupNo: 2, terminalId: "T2", lines: [3] });
    expect(third).toMatchObject({ groupNo: 3, accountHash: "h", rowCount: 1, lines: [6] });
    expect(all(groups).flatMap((g) => g.lines).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("sends rows of new groups beyond the limit, or beyond a terminal's limit, to group 0", () => {
    const groups = new RowGroups(3, 2);
    groups.add("T1", "M", "1", null, "a", 2, 0);
    groups.add("T1", "M", "1", null, "b", 3, 0);
    groups.add("T1", "M", "1", null, "c", 4, 0); // a third for T1
    groups.add("T1", "M", "1", null, "b", 5, 10);
    groups.add("T2", "M", "1", null, "a", 6, 0);
    groups.add("T3", "M", "1", null, "a", 7, 0); // a fourth group
    groups.add("T2", "M", "1", null, "a", 8, 0);
    expect(groups.size).toBe(3);
    const kept = all(groups);
    expect(kept.map((g) => [g.groupNo, g.lines])).toEqual([[1, [2]], [2, [3, 5]], [3, [6, 8]], [0, [4, 7]]]);
    expect(kept[1]).toMatchObject({ lastAt: new Date(10) });
  });

  it("gives up grouping past its number of lines: no group is kept, every row goes one by one", () => {
    const groups = new RowGroups(100, 64, 3);
    for (let line = 2; line < 7; line++) groups.add("T1", "M", "1", null, "a", line, 0);
    expect(groups.size).toBe(0);
    expect(all(groups)).toEqual([]);
  });
});
