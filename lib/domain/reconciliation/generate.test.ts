import { describe, expect, it } from "vitest";
import { csvLine, formatBeijingTime, formatYuan, MISMATCH_KINDS, rowPlanner, seededRandom, type GeneratorBinding } from "./generate";
import { mapHeader, COLUMNS } from "./header";
import { parseRow } from "./row";
import { panPositions } from "./pan";

const bindings: GeneratorBinding[] = [
  { terminalId: "35A10001", merchantNo: "102310054110001", payeeName: "好又多超市", accountLast4: "1234", boundFrom: new Date("2026-01-01T00:00:00Z"), boundTo: null, factsSince: new Date("2026-03-01T00:00:00Z") },
  { terminalId: "35A10002", merchantNo: "102310058120002", payeeName: "张记面馆, 南京路", accountLast4: "0007", boundFrom: new Date("2026-02-01T00:00:00Z"), boundTo: new Date("2026-10-01T00:00:00Z"), factsSince: new Date("2026-02-01T00:00:00Z") },
];
const now = new Date("2026-11-25T00:00:00Z");

describe("rowPlanner", () => {
  it("plans rows that parse, carry no PAN, and plant every kind at about the asked rate", () => {
    const plan = rowPlanner(bindings, { mismatchRate: 0.2, now, random: seededRandom(7) });
    const mapped = mapHeader([...COLUMNS]);
    if (!mapped.ok) throw new Error("header");
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const row = plan(i);
      const fields = COLUMNS.map((c) => row.fields[c]);
      expect(parseRow(fields, mapped.header).ok).toBe(true);
      expect(panPositions(fields, mapped.header)).toEqual([]);
      counts.set(row.mismatch ?? "clean", (counts.get(row.mismatch ?? "clean") ?? 0) + 1);
      if (row.mismatch === undefined) {
        const b = bindings.find((x) => x.terminalId === row.fields.terminal_id)!;
        const at = parseRow(fields, mapped.header);
        if (!at.ok) throw new Error("row");
        expect(at.record.transactionAt.getTime()).toBeGreaterThanOrEqual(Math.max(b.boundFrom.getTime(), b.factsSince.getTime()));
        expect(at.record.transactionAt.getTime()).toBeLessThan((b.boundTo ?? now).getTime());
        expect([row.fields.merchant_no, row.fields.payee_name, row.fields.settlement_account]).toEqual([b.merchantNo, b.payeeName, `****${b.accountLast4}`]);
      }
    }
    for (const kind of MISMATCH_KINDS) expect(counts.get(kind) ?? 0).toBeGreaterThan(100);
    expect((5000 - counts.get("clean")!) / 5000).toBeCloseTo(0.2, 1);
  });

  it("is deterministic for a seed", () => {
    const a = rowPlanner(bindings, { mismatchRate: 0.5, now, random: seededRandom(1) });
    const b = rowPlanner(bindings, { mismatchRate: 0.5, now, random: seededRandom(1) });
    expect(Array.from({ length: 50 }, (_, i) => a(i))).toEqual(Array.from({ length: 50 }, (_, i) => b(i)));
  });

  it("refuses when nothing is bound", () => {
    expect(() => rowPlanner([], { mismatchRate: 0, now, random: seededRandom(1) })).toThrow(/nothing to generate/);
  });
});

describe("formatting", () => {
  it("writes Beijing time, yuan and quoted CSV", () => {
    expect(formatBeijingTime(new Date("2026-11-20T17:30:05Z"))).toBe("2026-11-21 01:30:05");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(-123456)).toBe("-1234.56");
    expect(csvLine(["a", "b,c", 'd"e'])).toBe('a,"b,c","d""e"');
  });
});
