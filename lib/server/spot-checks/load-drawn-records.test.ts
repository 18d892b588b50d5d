import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadDrawnRecords } from "./select-population";

/** A database that answers each query for the ids it is given, in reverse, and counts the queries. */
function fakeDatabase(missing: string[] = []) {
  const queries: string[][] = [];
  const db = {
    $queryRaw: async (sql: Prisma.Sql) => {
      const ids = sql.values.find(Array.isArray) as string[];
      queries.push(ids);
      return ids
        .filter((id) => !missing.includes(id))
        .reverse()
        .map((id) => ({ merchantId: id, merchantVersion: 2, mcc: "5411", changeRequestId: `cr-${id}`, makerId: "maker", verifierId: null, approverId: "sup", secondApproverId: null, riskWeight: 3 }));
    },
  };
  return { db: db as unknown as Parameters<typeof loadDrawnRecords>[0], queries };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(5, "0")}`).reverse();

describe("loadDrawnRecords", () => {
  it("returns the records in draw order, whatever order the database answers in", async () => {
    const { db } = fakeDatabase();
    const drawn = await loadDrawnRecords(db, ["b", "a", "c"]);
    expect(drawn.map((r) => r.merchantId)).toEqual(["b", "a", "c"]);
    expect(drawn[0]).toMatchObject({ changeRequestId: "cr-b", makerId: "maker", merchantVersion: 2, riskWeight: 3 });
  });

  it("splits a large draw over the connections it may use, each id asked once, and keeps a small one in one query", async () => {
    const large = fakeDatabase();
    const drawn = await loadDrawnRecords(large.db, ids(2500), { connections: 2 });
    expect(drawn.map((r) => r.merchantId)).toEqual(ids(2500));
    expect(large.queries.map((q) => q.length)).toEqual([1250, 1250]);
    expect(new Set(large.queries.flat()).size).toBe(2500);

    const small = fakeDatabase();
    await loadDrawnRecords(small.db, ids(1500), { connections: 2 });
    expect(small.queries).toHaveLength(1);
    const one = fakeDatabase();
    await loadDrawnRecords(one.db, ids(2500));
    expect(one.queries).toHaveLength(1);
  });

  it("refuses a draw with a merchant that has no version in force", async () => {
    const { db } = fakeDatabase(["m00007"]);
    await expect(loadDrawnRecords(db, ids(2500), { connections: 2 })).rejects.toThrow("drawn merchant m00007 has no version in force");
  });
});
