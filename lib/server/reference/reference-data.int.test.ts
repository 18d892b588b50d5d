import { describe, expect, it } from "vitest";
import { BANK_CATEGORIES } from "@/lib/domain/reference/bank-categories";
import { CARD_BIN_MAX_ROWS } from "@/lib/domain/reference/card-bin-csv";
import { cardBinErrorsFrom } from "@/lib/domain/reference/card-bin-errors";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { meta, seedActor } from "@/test/integration/actors";
import { importCardBins } from "./import-card-bins";
import { listMcc } from "./list-mcc";
import { lookupCardBin } from "./lookup-card-bin";
import { seedReferenceData } from "./seed-reference-data";
import { updateMcc } from "./update-mcc";

async function refusal(p: Promise<unknown>): Promise<UseCaseError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UseCaseError) return err;
    throw err;
  }
  throw new Error("accepted");
}

const requestMeta = meta();
const BINS = ["prefix,bank,card_type", "622848,中国农业银行,debit", "6225881,招商银行,credit", "622588,招商银行,debit", "6228480402,农行测试,prepaid"].join("\n");

// One file, one database: the tests run in order and build on each other's data.
describe("reference data", () => {
  it("seeds the MCC and bank tables once, audited, and leaves admins' tables alone after", async () => {
    const db = await prisma();
    // Two instances starting at once: the rows go in once, and only once into the audit trail.
    const [a, b] = await Promise.all([seedReferenceData(db), seedReferenceData(db)]);
    expect({ mcc: a.mcc + b.mcc, bankCategories: a.bankCategories + b.bankCategories }).toEqual({ mcc: MCC_LIST.length, bankCategories: BANK_CATEGORIES.length });
    expect(await db.mcc.count()).toBe(MCC_LIST.length);
    expect(await db.bankCategory.count()).toBe(BANK_CATEGORIES.length);
    expect(await db.auditEvent.count({ where: { action: "reference.seeded" } })).toBe(2);

    expect(await seedReferenceData(db)).toEqual({ mcc: 0, bankCategories: 0 });
    expect(await db.mcc.count()).toBe(MCC_LIST.length);
    expect(await db.auditEvent.count({ where: { action: "reference.seeded" } })).toBe(2);
    expect((await db.mcc.findUniqueOrThrow({ where: { code: "7995" } })).riskLevel).toBe(2);
  });

  it("imports a BIN file, replacing the table, and audits the counts", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    await db.cardBin.create({ data: { prefix: "999999", bankName: "old", cardType: "DEBIT" } });
    const result = await importCardBins({ actor: admin, input: { csv: BINS, fileName: "bins.csv" }, requestMeta });
    expect(result).toEqual({ imported: 4, replaced: 1, debit: 2, credit: 1, prepaid: 1 });
    expect((await db.cardBin.findMany({ orderBy: { prefix: "asc" } })).map((b) => b.prefix)).toEqual(["622588", "6225881", "622848", "6228480402"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "reference.bins-imported" } });
    expect(event).toMatchObject({ actorId: admin.id, entity: "reference", entityId: "card-bin" });
    expect(event.after).toMatchObject({ imported: 4, replaced: 1, credit: 1, fileName: "bins.csv" });
  });

  it("matches the longest prefix", async () => {
    expect(await lookupCardBin("6225 8812 3456 7890")).toMatchObject({ prefix: "6225881", cardType: "CREDIT" });
    expect(await lookupCardBin("6225880000000000")).toMatchObject({ prefix: "622588", cardType: "DEBIT" });
    expect(await lookupCardBin("6228480402564890018")).toMatchObject({ prefix: "6228480402", cardType: "PREPAID" });
    expect(await lookupCardBin("6228481234567890")).toMatchObject({ prefix: "622848", bankName: "中国农业银行" });
    expect(await lookupCardBin("4000000000000002")).toBeNull();
    expect(await lookupCardBin("62258")).toBeNull();
    expect(await lookupCardBin("not a card")).toBeNull();
  });

  it("a file with any bad row writes nothing and returns every row error", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const before = await db.cardBin.findMany({ orderBy: { prefix: "asc" } });
    const audits = await db.auditEvent.count();
    const csv = "prefix,bank,card_type\n411111,Visa,credit\n12345,短,debit\n411111,Dup,debit\n422222,,gold\n";
    const err = await refusal(importCardBins({ actor: admin, input: { csv }, requestMeta }));
    expect(err.code).toBe("VALIDATION");
    expect(err.params).toEqual({ errorCount: 4 });
    expect(cardBinErrorsFrom(err.fieldErrors)).toEqual([
      { line: 3, field: "prefix", message: "validation.cardBin.prefix" },
      { line: 4, field: "prefix", message: "validation.cardBin.duplicate" },
      { line: 5, field: "bank", message: "validation.required" },
      { line: 5, field: "cardType", message: "validation.cardBin.cardType" },
    ]);
    expect(await db.cardBin.findMany({ orderBy: { prefix: "asc" } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
    expect((await refusal(importCardBins({ actor: admin, input: {}, requestMeta }))).fieldErrors).toEqual({ csv: ["validation.cardBin.empty"] });
  });

  it("refuses every role but admin, and writes nothing", async () => {
    const db = await prisma();
    const bins = await db.cardBin.count();
    const mcc = await db.mcc.findUniqueOrThrow({ where: { code: "5411" } });
    for (const role of ["CLERK", "SUPERVISOR", "AUDITOR"] as const) {
      const actor = await seedActor(role);
      expect((await refusal(importCardBins({ actor, input: { csv: "prefix,bank,card_type\n400000,X,debit\n" }, requestMeta }))).code).toBe("FORBIDDEN");
      expect((await refusal(updateMcc({ actor, input: { ...mcc, nameZh: "改", version: mcc.version }, requestMeta }))).code).toBe("FORBIDDEN");
      expect((await refusal(listMcc(actor, {}))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(importCardBins({ actor: null, input: {}, requestMeta }))).code).toBe("UNAUTHENTICATED");
    expect(await db.cardBin.count()).toBe(bins);
    expect(await db.mcc.findUniqueOrThrow({ where: { code: "5411" } })).toEqual(mcc);
    expect(await db.auditEvent.count({ where: { action: { in: ["reference.bins-imported", "reference.mcc-updated"] }, actorId: { not: null } } })).toBe(1);
  });

  it("updates an MCC with a version check, audited; a stale version is a conflict", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const mcc = await db.mcc.findUniqueOrThrow({ where: { code: "5999" } });
    const input = { code: "5999", version: mcc.version, nameZh: "  其他专门零售  ", nameEn: "Misc. retail", riskLevel: "2", active: false };
    expect(await updateMcc({ actor: admin, input, requestMeta })).toEqual({ code: "5999", version: mcc.version + 1 });
    const after = await db.mcc.findUniqueOrThrow({ where: { code: "5999" } });
    expect(after).toMatchObject({ nameZh: "其他专门零售", nameEn: "Misc. retail", riskLevel: 2, active: false });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "reference.mcc-updated", entityId: "5999" } });
    expect(event.before).toMatchObject({ riskLevel: 1, active: true });
    expect(event.after).toMatchObject({ riskLevel: 2, active: false });

    expect((await refusal(updateMcc({ actor: admin, input: { ...input, nameZh: "再改" }, requestMeta }))).code).toBe("CONFLICT");
    expect((await db.mcc.findUniqueOrThrow({ where: { code: "5999" } })).nameZh).toBe("其他专门零售");
    expect((await refusal(updateMcc({ actor: admin, input: { ...input, code: "0000" }, requestMeta }))).code).toBe("NOT_FOUND");
    const invalid = await refusal(updateMcc({ actor: admin, input: { code: "5999", version: after.version, nameZh: " ", nameEn: "x".repeat(101), riskLevel: 3, active: "yes" }, requestMeta }));
    expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["active", "nameEn", "nameZh", "riskLevel"]);
  });

  it("imports the largest file allowed in one transaction", async () => {
    const admin = await seedActor("ADMIN");
    const lines = ["prefix,bank,card_type", ...Array.from({ length: CARD_BIN_MAX_ROWS }, (_, i) => `${62000000 + i},测试银行,${i % 3 === 0 ? "credit" : "debit"}`)];
    const result = await importCardBins({ actor: admin, input: { csv: lines.join("\n") }, requestMeta });
    expect(result).toMatchObject({ imported: CARD_BIN_MAX_ROWS, replaced: 4 });
    expect(await (await prisma()).cardBin.count()).toBe(CARD_BIN_MAX_ROWS);
    expect(await lookupCardBin("6200000312345678")).toMatchObject({ prefix: "62000003", cardType: "CREDIT" });
  });

  it("lists MCCs with search, filters and keyset pages", async () => {
    const admin = await seedActor("ADMIN");
    const first = await listMcc(admin, {});
    expect(first.total).toBe(MCC_LIST.length);
    expect(first.mccs).toHaveLength(25);
    expect(first.prevCursor).toBeUndefined();
    const second = await listMcc(admin, { after: first.nextCursor });
    expect(second.mccs[0]!.code > first.mccs.at(-1)!.code).toBe(true);
    const back = await listMcc(admin, { before: second.prevCursor });
    expect(back.mccs.map((m) => m.code)).toEqual(first.mccs.map((m) => m.code));

    expect((await listMcc(admin, { q: "超市" })).mccs.map((m) => m.code)).toEqual(["5200", "5411"]);
    expect((await listMcc(admin, { q: "GROCERY" })).mccs.map((m) => m.code)).toEqual(["5411"]);
    expect((await listMcc(admin, { q: "599" })).mccs.map((m) => m.code)).toContain("5999");
    const high = await listMcc(admin, { risk: "2" });
    expect(high.mccs.every((m) => m.riskLevel === 2)).toBe(true);
    expect(high.mccs.map((m) => m.code)).toEqual(expect.arrayContaining(["4829", "5933", "5999", "6051", "7995"]));
    expect((await listMcc(admin, { status: "inactive" })).mccs.map((m) => m.code)).toEqual(["5999"]);
    expect((await listMcc(admin, { risk: "9", after: "x'; --" })).total).toBe(MCC_LIST.length);
  });
});
