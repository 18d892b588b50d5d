import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TCreateCampaign } from "@/lib/domain/spot-checks/schemas";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf } from "@/test/integration/outcomes";
import { approvedMerchant } from "@/test/integration/workflow";
import { campaignFormOptions } from "./campaign-form-options";
import { countPopulation } from "./count-population";
import { createCampaign } from "./create-campaign";
import { exportCampaignWorkbook } from "./export-campaign-workbook";
import { getCampaignItems } from "./get-campaign-items";
import { getSpotCheckItem } from "./get-spot-check-item";
import { listCampaignPage } from "./list-campaign-page";
import { recordItemOutcome } from "./record-item-outcome";

const requestMeta = meta();
const ALL_TRUE = { accountHolderConfirmed: true, accountNumberConfirmed: true, terminalAtAddress: true, contactReachable: true };

type Fixture = Awaited<ReturnType<typeof approvedMerchant>>;
let merchants: Fixture[];
let manager: Actor;
let auditor: Actor;
let makerIds: string[];

beforeAll(async () => {
  await ensureReferenceRows();
  merchants = [];
  for (let i = 0; i < 4; i++) merchants.push(await approvedMerchant());
  makerIds = merchants.map((m) => m.maker.id);
  manager = await seedActor("AUDITOR");
  auditor = await seedActor("AUDITOR");
}, 120_000);

function campaignInput(overrides: Partial<TCreateCampaign> = {}): TCreateCampaign {
  return {
    name: "Screens campaign", periodStart: "2026-10-01", periodEnd: "2026-12-31", population: { makerIds },
    sizing: { method: "FIXED", sampleSize: 3 }, strategy: "SIMPLE", seed: "screens", auditorIds: [auditor.id], ...overrides,
  };
}

describe("the create form's reads", () => {
  it("counts the population the filters select, and refuses bad filters and other roles", async () => {
    expect(await countPopulation({ actor: manager, input: { makerIds } })).toEqual({ populationSize: 4 });
    expect(await countPopulation({ actor: manager, input: { makerIds, mccs: ["0001"] } })).toEqual({ populationSize: 0 });
    expect((await countPopulation({ actor: manager, input: {} })).populationSize).toBeGreaterThanOrEqual(4);
    expect(await codeOf(countPopulation({ actor: manager, input: { regionPrefix: "x" } }))).toBe("VALIDATION");
    expect(await codeOf(countPopulation({ actor: await seedActor("SUPERVISOR"), input: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(countPopulation({ actor: null, input: {} }))).toBe("UNAUTHENTICATED");
  });

  it("offers active auditors to assign and clerks as makers, never disabled users or other roles", async () => {
    const { auditors, clerks } = await campaignFormOptions(manager);
    expect(auditors.map((a) => a.id)).toEqual(expect.arrayContaining([manager.id, auditor.id]));
    expect(clerks.map((c) => c.id)).toEqual(expect.arrayContaining(makerIds));
    const db = await prisma();
    const roles = await db.user.findMany({ where: { id: { in: [...auditors, ...clerks].map((p) => p.id) } }, select: { role: true, disabledAt: true } });
    expect(roles.every((r) => (r.role === "AUDITOR" || r.role === "CLERK") && r.disabledAt === null)).toBe(true);
    expect(await codeOf(campaignFormOptions(await seedActor("CLERK")))).toBe("FORBIDDEN");
  });
});

describe("the campaigns list", () => {
  it("pages newest first, filters by status and searches by name or reference", async () => {
    const a = await createCampaign({ actor: manager, input: campaignInput({ name: "Alpha north check" }), requestMeta });
    const b = await createCampaign({ actor: manager, input: campaignInput({ name: "Beta south check" }), requestMeta });
    const page = await listCampaignPage(manager, {});
    expect(page.campaigns.slice(0, 2).map((c) => c.id)).toEqual([b.campaignId, a.campaignId]);
    expect(page.campaigns[0]).toMatchObject({ reference: b.reference, done: 0, sampleSize: 3, createdBy: expect.any(String) });
    expect((await listCampaignPage(manager, { q: "alpha NORTH" })).campaigns.map((c) => c.id)).toEqual([a.campaignId]);
    expect((await listCampaignPage(manager, { q: a.reference.toLowerCase() })).campaigns.map((c) => c.id)).toEqual([a.campaignId]);
    expect((await listCampaignPage(manager, { status: "CLOSED", q: "alpha" })).campaigns).toEqual([]);
    // A garbled query is ignored rather than refused: the list still shows.
    expect((await listCampaignPage(manager, { status: "NOPE", after: "garbage" })).campaigns.length).toBeGreaterThanOrEqual(2);
    expect(await codeOf(listCampaignPage(await seedActor("CLERK"), {}))).toBe("FORBIDDEN");
  });

  it("continues on the next page from the cursor without repeats", async () => {
    for (let i = 0; i < 21; i++) await createCampaign({ actor: manager, input: campaignInput({ name: `Paged ${i}` }), requestMeta });
    const first = await listCampaignPage(manager, { q: "Paged" });
    expect(first.campaigns).toHaveLength(20);
    expect(first.total).toBe(21);
    const second = await listCampaignPage(manager, { q: "Paged", after: first.nextCursor });
    expect(second.campaigns).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(first.campaigns.map((c) => c.id)).not.toContain(second.campaigns[0]!.id);
  }, 60_000);
});

describe("a campaign's items and one item", () => {
  it("lists items in draw order with people by name and the auditors to reassign to", async () => {
    const created = await createCampaign({ actor: manager, input: campaignInput(), requestMeta });
    const { items, auditors } = await getCampaignItems({ actor: manager, input: { campaignId: created.campaignId } });
    expect(items.map((i) => i.drawOrder)).toEqual([0, 1, 2]);
    expect(items.every((i) => i.assigneeId === auditor.id && i.assignee && i.maker && i.status === "PENDING" && !i.stale)).toBe(true);
    expect(auditors.map((a) => a.id)).toEqual(expect.arrayContaining([manager.id, auditor.id]));
    expect(await codeOf(getCampaignItems({ actor: manager, input: { campaignId: "nope" } }))).toBe("NOT_FOUND");
    expect(await codeOf(getCampaignItems({ actor: await seedActor("SUPERVISOR"), input: { campaignId: created.campaignId } }))).toBe("FORBIDDEN");
  });

  it("shows an item to its assignee (who may record) and to a manager (who may not), with the change request behind the version", async () => {
    const created = await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 1 } }), requestMeta });
    const [row] = (await getCampaignItems({ actor: manager, input: { campaignId: created.campaignId } })).items;
    const mine = await getSpotCheckItem(auditor, row!.id);
    const drawn = await (await prisma()).spotCheckItem.findUniqueOrThrow({ where: { id: row!.id } });
    expect(mine).toMatchObject({ mayRecord: true, stale: false, status: "PENDING", merchantVersion: 1, currentVersion: 1, campaign: { reference: created.reference } });
    expect(mine!.changeRequest?.reference).toMatch(/^CR-/);
    expect(mine!.changeRequest?.id).toBe(drawn.changeRequestId);
    expect(await getSpotCheckItem(manager, row!.id)).toMatchObject({ mayRecord: false });
    expect(await getSpotCheckItem(auditor, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await codeOf(getSpotCheckItem(await seedActor("CLERK"), row!.id))).toBe("FORBIDDEN");

    await recordItemOutcome({ actor: auditor, input: { itemId: row!.id, version: mine!.version, outcome: "CONFIRMED", checklist: ALL_TRUE }, requestMeta });
    expect(await getSpotCheckItem(auditor, row!.id)).toMatchObject({ mayRecord: false, status: "DONE", outcome: "CONFIRMED", checklist: ALL_TRUE, checkedBy: expect.any(String) });
  });
});

describe("the Excel export", () => {
  it("writes the summary, the breakdowns and one row per item, escapes formulae, and is audited", async () => {
    const created = await createCampaign({ actor: manager, input: campaignInput({ name: "=HYPERLINK(\"x\")" }), requestMeta });
    const { items } = await getCampaignItems({ actor: manager, input: { campaignId: created.campaignId } });
    await recordItemOutcome({ actor: auditor, input: { itemId: items[0]!.id, version: items[0]!.version, outcome: "DISCREPANCY", checklist: { ...ALL_TRUE, accountNumberConfirmed: false }, note: "=1+1 account differs" }, requestMeta });
    const file = await exportCampaignWorkbook({ actor: manager, input: { campaignId: created.campaignId }, requestMeta });
    expect(file).toMatchObject({ fileName: `${created.reference}.xlsx`, rows: 3 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["summary", "by maker", "by MCC", "items"]);
    const summary = Object.fromEntries(book.getWorksheet("summary")!.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(summary).toMatchObject({ reference: created.reference, name: "'=HYPERLINK(\"x\")", seed: "screens", sampleSize: 3, done: 1, discrepancy: 1, examined: 1, sampleRate: 1 });
    expect(summary.wilson95Lower).toBeGreaterThan(0);
    expect(summary.wilson95Upper).toBe(1);
    const itemsSheet = book.getWorksheet("items")!;
    expect(itemsSheet.rowCount).toBe(4);
    const noteColumn = (itemsSheet.getRow(1).values as unknown[]).indexOf("note");
    expect(itemsSheet.getRow(2).getCell(noteColumn).value).toBe("'=1+1 account differs");
    const db = await prisma();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "spotcheck.report-exported", entityId: created.campaignId } });
    expect(event.after).toMatchObject({ rows: 3, format: "xlsx" });
    expect(await codeOf(exportCampaignWorkbook({ actor: await seedActor("SUPERVISOR"), input: { campaignId: created.campaignId }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(exportCampaignWorkbook({ actor: manager, input: { campaignId: "nope" }, requestMeta }))).toBe("NOT_FOUND");
  });
});
