import crypto from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { generatedFile, reconciliationFixture, uploadAndRun } from "@/test/integration/reconciliation";
import { addFindingToSpotCheck } from "./add-finding-spot-check";
import { exportFindings } from "./export-findings";
import { listFindings } from "./list-findings";
import { openFindingCase } from "./open-finding-case";
import { startReconciliationRun } from "./start-run";

let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;
let runId: string;

beforeAll(async () => {
  fixture = await reconciliationFixture(3);
  const file = await generatedFile({ rows: 400, mismatchRate: 0.2, seed: 3 });
  runId = (await uploadAndRun(fixture.auditor, file.path)).runId;
});

const findingOf = async (kind: string) => (await prisma()).reconciliationFinding.findFirstOrThrow({ where: { runId, kind: kind as never } });

describe("reconciliation findings", () => {
  it("lists findings filtered by kind, terminal and merchant number, a page at a time", async () => {
    const all = await listFindings(fixture.auditor, { runId });
    expect(all.total).toBeGreaterThan(0);
    const some = await listFindings(fixture.auditor, { runId, kind: "PAYEE_DIFFERS" });
    expect(some.findings.every((f) => f.kind === "PAYEE_DIFFERS")).toBe(true);
    const one = all.findings[0]!;
    const byTerminal = await listFindings(fixture.auditor, { runId, terminalId: one.terminalId });
    expect(byTerminal.findings.every((f) => f.terminalId === one.terminalId)).toBe(true);
    await expect(listFindings(await seedActor("CLERK"), { runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("numbers a run's findings under the run's id in the order they are listed in", async () => {
    const findings = await (await prisma()).reconciliationFinding.findMany({ where: { runId }, orderBy: [{ terminalId: "asc" }, { merchantNo: "asc" }, { kind: "asc" }] });
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.map((f) => f.id)).toEqual(findings.map((_, i) => `${runId}.${String(i + 1).padStart(10, "0")}`));
  });

  it("opens a case from a finding, linked to the terminal and merchant, once", async () => {
    const finding = await findingOf("TERMINAL_BOUND_TO_OTHER_MERCHANT");
    const opened = await openFindingCase({ actor: fixture.auditor, input: { findingId: finding.id, version: finding.version }, requestMeta: meta() });
    const db = await prisma();
    const created = await db.case.findUniqueOrThrow({ where: { id: opened.caseId } });
    expect(created).toMatchObject({ kind: "RECONCILIATION_FINDING", terminalId: finding.terminalId, merchantId: finding.merchantId });
    expect(await db.auditEvent.count({ where: { action: "reconciliation.finding-case-opened", entityId: finding.id } })).toBe(1);
    await expect(openFindingCase({ actor: fixture.auditor, input: { findingId: finding.id, version: opened.version }, requestMeta: meta() })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await findingOf("PAYEE_DIFFERS");
    await expect(openFindingCase({ actor: await seedActor("SUPERVISOR"), input: { findingId: other.id, version: other.version }, requestMeta: meta() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("adds the finding's merchant to an open spot-check campaign, refusing a closed one", async () => {
    const finding = await findingOf("ACCOUNT_DIFFERS");
    const db = await prisma();
    const campaign = async (status: "OPEN" | "CLOSED") => db.spotCheckCampaign.create({
      data: {
        id: crypto.randomUUID(), reference: `SC-${crypto.randomBytes(3).toString("hex")}`, name: "recon", periodStart: new Date(), periodEnd: new Date(), population: {}, sizing: { method: "FIXED", sampleSize: 1 },
        strategy: "SIMPLE", seed: "s", populationSize: 0, populationHash: "", sampleSize: 0, status, createdById: fixture.auditor.id,
      },
    });
    const closed = await campaign("CLOSED");
    await expect(addFindingToSpotCheck({ actor: fixture.auditor, input: { findingId: finding.id, version: finding.version, campaignId: closed.id }, requestMeta: meta() })).rejects.toMatchObject({ code: "VALIDATION" });
    const open = await campaign("OPEN");
    const added = await addFindingToSpotCheck({ actor: fixture.auditor, input: { findingId: finding.id, version: finding.version, campaignId: open.id }, requestMeta: meta() });
    const item = await db.spotCheckItem.findUniqueOrThrow({ where: { id: added.itemId } });
    expect(item).toMatchObject({ campaignId: open.id, merchantId: finding.merchantId, assigneeId: fixture.auditor.id });
    await expect(addFindingToSpotCheck({ actor: fixture.auditor, input: { findingId: finding.id, version: added.version, campaignId: open.id }, requestMeta: meta() })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("exports findings as CSV and Excel, audited, with no account numbers", async () => {
    const csv = await exportFindings({ actor: fixture.auditor, input: { runId }, format: "csv", requestMeta: meta() });
    const total = await (await prisma()).reconciliationFinding.count({ where: { runId } });
    expect(csv.rows).toBe(total);
    expect(String(csv.body).split("\r\n").length).toBe(total + 1);
    const xlsx = await exportFindings({ actor: fixture.auditor, input: { runId, kind: "UNKNOWN_TERMINAL" }, format: "xlsx", requestMeta: meta() });
    expect(Buffer.isBuffer(xlsx.body)).toBe(true);
    const events = await (await prisma()).auditEvent.findMany({ where: { action: "reconciliation.findings-exported", entityId: runId } });
    expect(events.map((e) => (e.after as { format: string }).format).sort()).toEqual(["csv", "xlsx"]);
  });

  it("refuses an upload while the system is read-only, before anything is kept", async () => {
    const db = await prisma();
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    try {
      const before = await db.reconciliationRun.count();
      await expect(startReconciliationRun({ actor: fixture.auditor, input: { fileName: "x.csv" }, body: fs.createReadStream(__filename), requestMeta: meta() })).rejects.toMatchObject({ code: "MAINTENANCE" });
      expect(await db.reconciliationRun.count()).toBe(before);
    } finally {
      await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    }
  });
});
