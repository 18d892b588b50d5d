import { describe, expect, it } from "vitest";
import { RowGroups } from "./row-groups";

const at = (iso: string) => new Date(iso).getTime();

describe("groups of alike rows", () => {
  it("puts rows alike in all but time in one group, with their first and last time, first line and count", () => {
    const groups = new RowGroups();
    expect(groups.add("T1", "M1", "1234", null, "shop", 2, at("2026-11-02T00:00:00Z"))).toBe(1);
    expect(groups.add("T2", "M1", "1234", null, "shop", 3, at("2026-11-01T00:00:00Z"))).toBe(2);
    expect(groups.add("T1", "M1", "1234", null, "shop", 4, at("2026-11-01T00:00:00Z"))).toBe(1);
    expect(groups.add("T1", "M1", "1234", null, "shop", 5, at("2026-11-03T00:00:00Z"))).toBe(1);
    expect(groups.add("T1", "M1", "1234", "h", "shop", 6, at("2026-11-03T00:00:00Z"))).toBe(3);
    expect(groups.add("T1", "M1", "9999", null, "shop", 7, at("2026-11-03T00:00:00Z"))).toBe(4);
    expect(groups.add("T1", "M2", "1234", null, "shop", 8, at("2026-11-03T00:00:00Z"))).toBe(5);
    expect(groups.add("T1", "M1", "1234", null, "shop 2", 9, at("2026-11-03T00:00:00Z"))).toBe(6);
    const all = [...groups.batches(4)];
    expect(all.map((b) => b.length)).toEqual([4, 2]);
    expect(all[0]![0]).toEqual({
      groupNo: 1, terminalId: "T1", merchantNo: "M1", accountLast4: "1234", accountHash: null, payeeKey: "shop",
      firstAt: new Date("2026-11-01T00:00:00Z"), lastAt: new Date("2026-11-03T00:00:00Z"), firstLine: 2, rowCount: 3,
    });
    expect(all[0]![2]).toMatchObject({ groupNo: 3, accountHash: "h", rowCount: 1 });
  });

  it("keeps no more groups for one terminal than its limit; other terminals still get theirs", () => {
    const groups = new RowGroups(100, 2);
    expect(groups.add("T1", "M", "1", null, "a", 2, 0)).toBe(1);
    expect(groups.add("T1", "M", "1", null, "b", 3, 0)).toBe(2);
    expect(groups.add("T1", "M", "1", null, "c", 4, 0)).toBeNull();
    expect(groups.add("T1", "M", "1", null, "b", 5, 0)).toBe(2);
    expect(groups.add("T2", "M", "1", null, "c", 6, 0)).toBe(3);
  });

  it("keeps no new group beyond its limit: those rows have none, known groups still count", () => {
    const groups = new RowGroups(2);
    expect(groups.add("T1", "M", "1", null, "p", 2, 0)).toBe(1);
    expect(groups.add("T2", "M", "1", null, "p", 3, 0)).toBe(2);
    expect(groups.add("T3", "M", "1", null, "p", 4, 0)).toBeNull();
    expect(groups.add("T1", "M", "1", null, "p", 5, 10)).toBe(1);
    expect(groups.size).toBe(2);
    expect([...groups.batches(10)][0]![0]).toMatchObject({ rowCount: 2, lastAt: new Date(10) });
  });
});
