import { beforeAll, describe, expect, it } from "vitest";
import { attributeSampleSize, canonicalPopulation, seededDraw } from "@/lib/domain/sampling";
import type { TCreateCampaign } from "@/lib/domain/spot-checks/schemas";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { meta, seedActor, seedUser } from "@/test/integration/actors";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { closeCampaign } from "./close-campaign";
import { createCampaign } from "./create-campaign";
import { listCampaigns } from "./list-campaigns";
import { listMyItems } from "./list-my-items";
import { reassignItem } from "./reassign-item";
import { recordItemOutcome } from "./record-item-outcome";
import { ALL_TRUE, campaignFixture, campaignInputFor, itemsOf, type MerchantFixture } from "@/test/integration/spot-check-campaigns";

const requestMeta = meta();

let merchants: MerchantFixture[];
let manager: Actor;
let auditors: Actor[];
let makerIds: string[];

beforeAll(async () => {
  ({ merchants, manager, auditors, makerIds } = await campaignFixture());
}, 120_000);

const campaignInput = (overrides: Partial<TCreateCampaign> = {}) => campaignInputFor({ makerIds, auditors }, overrides);

describe("drawing a campaign", () => {
  it("the same seed and population give the same items, for every strategy, and the simple draw is the domain's seeded draw", async () => {
    for (const strategy of ["SIMPLE", "RISK_WEIGHTED", "STRATIFIED_BY_MAKER"] as const) {
      const first = await createCampaign({ actor: manager, input: campaignInput({ strategy }), requestMeta });
      const second = await createCampaign({ actor: manager, input: campaignInput({ strategy }), requestMeta });
      expect(second.populationHash).toBe(first.populationHash);
      expect(first.populationSize).toBe(6);
      const [a, b] = [await itemsOf(first.campaignId), await itemsOf(second.campaignId)];
      expect(a).toHaveLength(3);
      expect(b.map((i) => i.merchantId)).toEqual(a.map((i) => i.merchantId));
      if (strategy === "SIMPLE") expect(a.map((i) => i.merchantId)).toEqual(seededDraw(merchants.map((m) => m.merchantId), 3, "seed-1"));
      if (strategy === "RISK_WEIGHTED") for (const item of a) expect(item.drawWeight).toBeGreaterThan(0);
    }
    const other = await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 6 }, seed: "seed-2" }), requestMeta });
    expect(new Set((await itemsOf(other.campaignId)).map((i) => i.merchantId))).toEqual(new Set(canonicalPopulation(merchants.map((m) => m.merchantId))));
  });

  it("stores the seed it generated, the population hash and an audit event", async () => {
    const { seed: _seed, ...noSeed } = campaignInput();
    const created = await createCampaign({ actor: manager, input: noSeed, requestMeta });
    const db = await prisma();
    const campaign = await db.spotCheckCampaign.findUniqueOrThrow({ where: { id: created.campaignId } });
    expect(campaign.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(campaign).toMatchObject({ seed: created.seed, populationSize: 6, sampleSize: 3, status: "OPEN", createdById: manager.id, populationHash: created.populationHash });
    const again = await createCampaign({ actor: manager, input: campaignInput({ seed: created.seed }), requestMeta });
    expect((await itemsOf(again.campaignId)).map((i) => i.merchantId)).toEqual((await itemsOf(created.campaignId)).map((i) => i.merchantId));
    expect(await db.auditEvent.count({ where: { action: "spotcheck.campaign-created", entityId: created.campaignId, actorId: manager.id } })).toBe(1);
  });

  it("a computed-size campaign draws exactly attributeSampleSize's n and stores the formula's inputs and figures", async () => {
    const sizing = { method: "ATTRIBUTE" as const, confidence: 0.95, tolerableRate: 0.4, expectedRate: 0 };
    const expected = attributeSampleSize({ confidence: 0.95, tolerableRate: 0.4, expectedRate: 0, populationSize: 6 });
    if (!expected.ok) throw new Error("fixture");
    const created = await createCampaign({ actor: manager, input: campaignInput({ sizing }), requestMeta });
    expect(created.sampleSize).toBe(expected.sampleSize);
    expect(await itemsOf(created.campaignId)).toHaveLength(expected.sampleSize);
    const campaign = await (await prisma()).spotCheckCampaign.findUniqueOrThrow({ where: { id: created.campaignId } });
    expect(campaign.sizing).toMatchObject({ ...sizing, populationSize: 6, sampleSize: expected.sampleSize, distribution: "hypergeometric", expectedDeviations: expected.expectedDeviations });
  });

  it("filters the population: by MCC, by region prefix, by maker, by recent change; an empty population is refused", async () => {
    const { mcc, divisionCode } = merchants[0]!.data.merchant;
    const byMcc = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds, mccs: [mcc] } }), requestMeta });
    expect(byMcc.populationSize).toBe(merchants.filter((m) => m.data.merchant.mcc === mcc).length);
    const byRegion = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds, regionPrefix: divisionCode.slice(0, 2) } }), requestMeta });
    expect(byRegion.populationSize).toBe(merchants.filter((m) => m.data.merchant.divisionCode.startsWith(divisionCode.slice(0, 2))).length);
    const oneMaker = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds: [makerIds[1]!] } }), requestMeta });
    expect((await itemsOf(oneMaker.campaignId)).map((i) => i.merchantId)).toEqual([merchants[1]!.merchantId]);
    const recent = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds, changedWithinDays: 1 } }), requestMeta });
    expect(recent.populationSize).toBe(6);
    const all = await createCampaign({ actor: manager, input: campaignInput({ population: {} }), requestMeta });
    expect(all.populationSize).toBeGreaterThanOrEqual(6);
    const empty = await refusal(createCampaign({ actor: manager, input: campaignInput({ population: { makerIds, mccs: ["0001"] } }), requestMeta }));
    expect(empty).toMatchObject({ code: "VALIDATION", fieldErrors: { population: ["validation.spotCheck.emptyPopulation"] } });
  });

  it("never assigns an item to the maker, verifier or approver of its version; items nobody may take stay unassigned with the reason", async () => {
    const db = await prisma();
    // People who took part in the records, later moved to the audit team.
    const turned = [merchants[0]!.maker.id, merchants[1]!.verifier.id, merchants[2]!.supervisor.id];
    await db.user.updateMany({ where: { id: { in: turned } }, data: { role: "AUDITOR" } });
    const created = await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 6 }, auditorIds: turned }), requestMeta });
    const items = await itemsOf(created.campaignId);
    expect(items.every((i) => i.assigneeId !== null)).toBe(true);
    for (const item of items) expect([item.makerId, item.verifierId, ...item.approverIds]).not.toContain(item.assigneeId);
    expect(items.find((i) => i.merchantId === merchants[0]!.merchantId)).toMatchObject({ makerId: merchants[0]!.maker.id, verifierId: merchants[0]!.verifier.id, approverIds: [merchants[0]!.supervisor.id] });

    const alone = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds: [merchants[0]!.maker.id] }, auditorIds: [merchants[0]!.maker.id] }), requestMeta });
    expect(alone.unassigned).toEqual([
      { itemId: expect.any(String), merchantId: merchants[0]!.merchantId, reason: "ALL_AUDITORS_CONFLICTED", conflicts: [{ auditorId: merchants[0]!.maker.id, roles: ["maker"] }] },
    ]);
    expect((await itemsOf(alone.campaignId))[0]!.assigneeId).toBeNull();
    await db.user.updateMany({ where: { id: { in: turned } }, data: { role: "CLERK" } });
  });
});

describe("refusals when creating", () => {
  it("only spot-check managers create campaigns", async () => {
    for (const role of ["CLERK", "SUPERVISOR", "ADMIN"] as const) {
      expect(await codeOf(createCampaign({ actor: await seedActor(role), input: campaignInput(), requestMeta }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(createCampaign({ actor: null, input: campaignInput(), requestMeta }))).toBe("UNAUTHENTICATED");
  });

  it("every chosen auditor must be an active auditor", async () => {
    const clerk = await seedUser("CLERK");
    const disabled = await seedUser("AUDITOR", { disabled: true });
    for (const bad of [clerk.id, disabled.id, "no-such-user"]) {
      const err = await refusal(createCampaign({ actor: manager, input: campaignInput({ auditorIds: [auditors[0]!.id, bad] }), requestMeta }));
      expect(err).toMatchObject({ code: "VALIDATION", fieldErrors: { auditorIds: ["validation.spotCheck.auditorNotEligible"] } });
    }
  });

  it("bad input is refused field by field", async () => {
    const cases: [Partial<TCreateCampaign>, string][] = [
      [{ sizing: { method: "ATTRIBUTE", confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.05 } }, "sizing.expectedRate"],
      [{ sizing: { method: "FIXED", sampleSize: 0 } }, "sizing.sampleSize"],
      [{ periodStart: "2026-12-31", periodEnd: "2026-10-01" }, "periodEnd"],
      [{ auditorIds: [] }, "auditorIds"],
      [{ name: " " }, "name"],
      [{ strategy: "BIGGEST_FIRST" as never }, "strategy"],
      [{ population: { regionPrefix: "3'" } }, "population.regionPrefix"],
    ];
    for (const [overrides, field] of cases) {
      const err = await refusal(createCampaign({ actor: manager, input: campaignInput(overrides), requestMeta }));
      expect(err.code).toBe("VALIDATION");
      expect(Object.keys(err.fieldErrors)).toContain(field);
    }
  });
});

describe("working items", () => {
  async function oneItemCampaign(merchant: MerchantFixture, assignee: Actor) {
    const created = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds: [merchant.maker.id] }, auditorIds: [assignee.id] }), requestMeta });
    return { ...created, item: (await itemsOf(created.campaignId))[0]! };
  }

  it("only the assignee records, at the current version, with a note for a discrepancy; a second recording is refused", async () => {
    const [mine, other] = auditors as [Actor, Actor];
    const { item } = await oneItemCampaign(merchants[3]!, mine);
    const good = { itemId: item.id, version: item.version, outcome: "DISCREPANCY", checklist: { ...ALL_TRUE, accountNumberConfirmed: false }, note: "Account number differs from the bank letter" };
    expect(await refusal(recordItemOutcome({ actor: other, input: good, requestMeta }))).toMatchObject({ code: "FORBIDDEN", fieldErrors: { _form: ["validation.spotCheck.notAssignee"] } });
    expect(await codeOf(recordItemOutcome({ actor: await seedActor("CLERK"), input: good, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(recordItemOutcome({ actor: mine, input: { ...good, version: item.version + 1 }, requestMeta }))).toBe("CONFLICT");
    expect(await refusal(recordItemOutcome({ actor: mine, input: { ...good, note: "bad" }, requestMeta }))).toMatchObject({ code: "VALIDATION", fieldErrors: { note: ["validation.spotCheck.noteRequired"] } });
    expect(await codeOf(recordItemOutcome({ actor: mine, input: { ...good, outcome: "UNREACHABLE", note: "" }, requestMeta }))).toBe("VALIDATION");
    expect(await codeOf(recordItemOutcome({ actor: mine, input: { ...good, checklist: { accountHolderConfirmed: true } }, requestMeta }))).toBe("VALIDATION");

    expect(await recordItemOutcome({ actor: mine, input: good, requestMeta })).toEqual({ version: item.version + 1, outcome: "DISCREPANCY", caseReference: expect.stringMatching(/^CASE-/) });
    const db = await prisma();
    expect(await db.spotCheckItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "DONE", outcome: "DISCREPANCY", checkedById: mine.id, note: good.note, checklist: good.checklist });
    expect(await db.auditEvent.count({ where: { action: "spotcheck.item-recorded", entityId: item.id, actorId: mine.id } })).toBe(1);
    expect(await codeOf(recordItemOutcome({ actor: mine, input: { ...good, version: item.version + 1 }, requestMeta }))).toBe("CONFLICT");
  });

  it("a confirmation needs no note", async () => {
    const { item } = await oneItemCampaign(merchants[4]!, auditors[0]!);
    expect(await recordItemOutcome({ actor: auditors[0]!, input: { itemId: item.id, version: item.version, outcome: "CONFIRMED", checklist: ALL_TRUE }, requestMeta })).toMatchObject({ outcome: "CONFIRMED" });
  });

  it("reassignment: managers only, to an active auditor with no part in the version, at the current version", async () => {
    const { item } = await oneItemCampaign(merchants[5]!, auditors[0]!);
    const db = await prisma();
    const input = { itemId: item.id, version: item.version, assigneeId: auditors[1]!.id };
    expect(await codeOf(reassignItem({ actor: await seedActor("CLERK"), input, requestMeta }))).toBe("FORBIDDEN");
    expect(await refusal(reassignItem({ actor: manager, input: { ...input, assigneeId: merchants[5]!.maker.id }, requestMeta }))).toMatchObject({ code: "VALIDATION", fieldErrors: { assigneeId: ["validation.spotCheck.auditorNotEligible"] } });
    await db.user.update({ where: { id: merchants[5]!.supervisor.id }, data: { role: "AUDITOR" } });
    expect(await refusal(reassignItem({ actor: manager, input: { ...input, assigneeId: merchants[5]!.supervisor.id }, requestMeta }))).toMatchObject({ code: "SEGREGATION", params: { roles: "approver" } });
    await db.user.update({ where: { id: merchants[5]!.supervisor.id }, data: { role: "SUPERVISOR" } });
    expect(await codeOf(reassignItem({ actor: manager, input: { ...input, version: 99 }, requestMeta }))).toBe("CONFLICT");

    expect(await reassignItem({ actor: manager, input, requestMeta })).toEqual({ version: item.version + 1 });
    expect((await db.spotCheckItem.findUniqueOrThrow({ where: { id: item.id } })).assigneeId).toBe(auditors[1]!.id);
    expect(await db.auditEvent.count({ where: { action: "spotcheck.item-reassigned", entityId: item.id } })).toBe(1);
    const old = { itemId: item.id, version: item.version + 1, outcome: "CONFIRMED", checklist: ALL_TRUE };
    expect(await codeOf(recordItemOutcome({ actor: auditors[0]!, input: old, requestMeta }))).toBe("FORBIDDEN");
  });

  it("a closed campaign takes no more outcomes and cannot be closed twice", async () => {
    const created = await oneItemCampaign(merchants[2]!, auditors[0]!);
    expect(await codeOf(closeCampaign({ actor: auditors[0]!, input: { campaignId: created.campaignId, version: 2 }, requestMeta }))).toBe("CONFLICT");
    expect(await codeOf(closeCampaign({ actor: await seedActor("CLERK"), input: { campaignId: created.campaignId, version: 1 }, requestMeta }))).toBe("FORBIDDEN");
    expect(await closeCampaign({ actor: manager, input: { campaignId: created.campaignId, version: 1 }, requestMeta })).toEqual({ status: "CLOSED", version: 2, done: 0, total: 1 });
    expect(await codeOf(closeCampaign({ actor: manager, input: { campaignId: created.campaignId, version: 2 }, requestMeta }))).toBe("CONFLICT");
    const input = { itemId: created.item.id, version: created.item.version, outcome: "CONFIRMED", checklist: ALL_TRUE };
    expect(await refusal(recordItemOutcome({ actor: auditors[0]!, input, requestMeta }))).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["validation.spotCheck.campaignClosed"] } });
  });
});

describe("lists", () => {
  it("an auditor's queue pages through every pending item once, campaign by campaign in draw order, and filters by campaign", async () => {
    const me = await seedActor("AUDITOR");
    const created = [];
    for (const seed of ["page-1", "page-2", "page-3", "page-4"]) {
      created.push(await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 6 }, auditorIds: [me.id], seed }), requestMeta }));
    }
    const inOrder = await (await prisma()).spotCheckCampaign.findMany({ where: { id: { in: created.map((c) => c.campaignId) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const expected = (await Promise.all(inOrder.map((c) => itemsOf(c.id)))).flat().map((i) => i.id);
    expect(expected).toHaveLength(24);
    const first = await listMyItems({ actor: me });
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(24);
    expect(new Set(first.campaigns.map((c) => c.id))).toEqual(new Set(created.map((c) => c.campaignId)));
    const second = await listMyItems({ actor: me, query: { after: first.nextCursor } });
    expect(second.nextCursor).toBeUndefined();
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(expected);
    const one = await listMyItems({ actor: me, query: { campaign: created[2]!.campaignId } });
    expect(one.items.map((i) => i.campaign.id)).toEqual(Array(6).fill(created[2]!.campaignId));
    expect(one).toMatchObject({ total: 6, nextCursor: undefined });
    // A forged cursor is ignored, not an error.
    expect((await listMyItems({ actor: me, query: { after: "not-a-cursor" } })).items).toHaveLength(20);
  });

  it("an auditor sees only their own pending items in open campaigns; managers see campaigns with progress", async () => {
    const [me, other] = [await seedActor("AUDITOR"), await seedActor("AUDITOR")];
    const created = await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 4 }, auditorIds: [me.id, other.id], seed: "lists" }), requestMeta });
    const mine = (await listMyItems({ actor: me })).items;
    expect(mine).toHaveLength(2);
    expect(mine.every((i) => i.campaign.id === created.campaignId && i.merchantNo && !i.stale)).toBe(true);
    await recordItemOutcome({ actor: me, input: { itemId: mine[0]!.id, version: mine[0]!.version, outcome: "CONFIRMED", checklist: ALL_TRUE }, requestMeta });
    expect((await listMyItems({ actor: me })).items.map((i) => i.id)).toEqual([mine[1]!.id]);
    expect((await listCampaigns({ actor: manager })).find((c) => c.id === created.campaignId)).toMatchObject({ sampleSize: 4, done: 1, status: "OPEN" });
    await closeCampaign({ actor: manager, input: { campaignId: created.campaignId, version: 1 }, requestMeta });
    expect(await listMyItems({ actor: me })).toMatchObject({ items: [], total: 0, campaigns: [] });
    expect(await codeOf(listMyItems({ actor: await seedActor("CLERK") }))).toBe("FORBIDDEN");
    expect(await codeOf(listCampaigns({ actor: await seedActor("SUPERVISOR") }))).toBe("FORBIDDEN");
  });
});
