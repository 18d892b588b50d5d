import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rowPlanner, seededRandom, type GeneratorBinding } from "@/lib/domain/reconciliation/generate";
import { readTransactionFile, type FileRow, type ReadState } from "@/lib/domain/reconciliation/read-file";
import { writeTransactionFile } from "./transaction-file-writer";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gen-transactions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bindings: GeneratorBinding[] = [
  { terminalId: "35A10001", merchantNo: "898350154110001", payeeName: "台江示例便利店", accountLast4: "4047", boundFrom: new Date("2026-01-01T00:00:00Z"), boundTo: null, factsSince: new Date("2026-01-01T00:00:00Z") },
  { terminalId: "35B20001", merchantNo: "898350258120001", payeeName: "思明示例餐厅, 二楼", accountLast4: "0166", boundFrom: new Date("2026-02-01T00:00:00Z"), boundTo: null, factsSince: new Date("2026-03-01T00:00:00Z") },
];

describe("writeTransactionFile", () => {
  it.each(["utf-8", "gb18030"] as const)("writes a %s file that reads back whole, with planted rows listed by line", async (encoding) => {
    const out = path.join(dir, `t-${encoding}.csv`);
    const plan = rowPlanner(bindings, { mismatchRate: 0.1, now: new Date("2026-11-25T00:00:00Z"), random: seededRandom(3) });
    const planted = await writeTransactionFile(plan, { out, rows: 3000, encoding, header: { seed: 3 } });

    const state: ReadState = {};
    const rows: FileRow[] = [];
    for await (const row of readTransactionFile(fs.createReadStream(out, { highWaterMark: 1000 }), state)) rows.push(row);
    expect(state.encoding).toBe(encoding);
    expect(rows.filter((r) => r.kind === "accepted")).toHaveLength(3000);

    const sidecar = JSON.parse(fs.readFileSync(`${out}.mismatches.json`, "utf8")) as {
      rows: number; encoding: string; seed: number; plantedCount: number; planted: { line: number; kind: string; terminalId: string; reference: string }[];
    };
    expect(sidecar).toMatchObject({ rows: 3000, encoding, seed: 3, plantedCount: planted });
    expect(planted).toBeGreaterThan(200);
    const byLine = new Map(rows.map((r) => [r.lineNumber, r]));
    for (const p of sidecar.planted) {
      const row = byLine.get(p.line);
      expect(row?.kind === "accepted" && [row.record.terminalId, row.record.reference]).toEqual([p.terminalId, p.reference]);
    }
    const unknown = sidecar.planted.find((p) => p.kind === "unknown_terminal");
    expect(bindings.map((b) => b.terminalId)).not.toContain(unknown?.terminalId);
  });
});
