import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { saveApplicationDraft } from "@/lib/server/applications/save-application-draft";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { prisma } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { dumpAsText, openEverySealedValue } from "@/test/integration/sealed-values";
import { approvedMerchant, verifiedRequest } from "@/test/integration/workflow";
import { keyRing, resetKeyRingForTests } from "./keys";
import { blindIndex } from "./sensitive";
import { rotateSealedValues } from "./rotate-sealed-values";

const originalKeys = process.env.DATA_ENCRYPTION_KEYS;
const originalActive = process.env.DATA_ENCRYPTION_ACTIVE_KEY;

function useKeys(keys: string, active?: string) {
  process.env.DATA_ENCRYPTION_KEYS = keys;
  if (active) process.env.DATA_ENCRYPTION_ACTIVE_KEY = active;
  else delete process.env.DATA_ENCRYPTION_ACTIVE_KEY;
  resetEnvForTests();
  resetKeyRingForTests();
}

beforeAll(async () => {
  useKeys(`old1:${crypto.randomBytes(32).toString("base64")}`);
  await ensureReferenceRows();
});

afterAll(() => {
  if (originalKeys) useKeys(originalKeys, originalActive);
});

describe("keys:rotate", () => {
  it("re-seals every value under the active key, keeps every plaintext, and loses nothing written meanwhile", async () => {
    const clerk = await seedActor("CLERK");
    await approvedMerchant();
    await approvedMerchant();
    await saveApplicationDraft({ actor: clerk, input: { data: enterpriseApplication() }, requestMeta: meta() });
    const pending = await verifiedRequest(await seedActor("CLERK"), await seedActor("CLERK"));
    const before = await openEverySealedValue();
    expect(before.size).toBeGreaterThanOrEqual(10);
    expect([...before.values()].every((v) => v.keyId === "old1")).toBe(true);
    const indexBefore = blindIndex("account-no", pending.data.account.accountNo);

    const oldKey = process.env.DATA_ENCRYPTION_KEYS!;
    useKeys(`${oldKey},new2:${crypto.randomBytes(32).toString("base64")}`, "new2");
    expect(keyRing().activeId).toBe("new2");

    // Ordinary work while the rotation runs in batches of one row: an approval (which copies the
    // proposal's sealed account into the master record) and a new submission.
    const supervisor = await seedActor("SUPERVISOR");
    const late = enterpriseApplication();
    const progress: string[] = [];
    const [result] = await Promise.all([
      rotateSealedValues({ batchSize: 1, onProgress: (p) => void progress.push(p.location) }),
      approveChangeRequest({ actor: supervisor, input: { changeRequestId: pending.request.id, version: pending.request.version }, requestMeta: meta() }),
      submitApplication({ actor: clerk, input: { data: late }, requestMeta: meta() }),
    ]);
    expect(result).toMatchObject({ outcome: "complete", remaining: 0, unreadable: 0, activeKeyId: "new2" });
    expect(result.rotated).toBeGreaterThanOrEqual(before.size);
    expect(progress).toContain("ChangeRequest.proposal");

    const after = await openEverySealedValue();
    for (const [place, { plaintext }] of before) expect(after.get(place)?.plaintext, place).toBe(plaintext);
    expect([...after.values()].every((v) => v.keyId === "new2")).toBe(true);
    // Nowhere in the whole database — not only the listed locations — is a value under the old key.
    expect(await dumpAsText()).not.toMatch(/v1\.old1\./);

    const db = await prisma();
    const approved = await db.changeRequest.findUniqueOrThrow({ where: { id: pending.request.id } });
    expect(approved.status).not.toBe("VERIFIED");
    const account = await db.receivingAccount.findFirstOrThrow({ where: { merchantId: pending.request.merchantId } });
    expect(account.accountNoHash).toBe(indexBefore); // the blind index is untouched
    expect([...after.values()].map((v) => v.plaintext)).toContain(`account-no:${late.account.accountNo}`);

    const events = await db.auditEvent.findMany({ where: { action: "keys.rotated" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBeNull();
    expect(events[0]!.after).toMatchObject({ outcome: "complete", rotated: result.rotated, remaining: 0, activeKeyId: "new2" });
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it("is idempotent: a second run finds nothing to do and still records its run", async () => {
    const again = await rotateSealedValues();
    expect(again).toMatchObject({ outcome: "complete", rotated: 0, remaining: 0, passes: 1 });
    expect(await (await prisma()).auditEvent.count({ where: { action: "keys.rotated" } })).toBe(2);
  });

  it("reports values under a key that is no longer configured instead of guessing", async () => {
    const db = await prisma();
    const account = await db.receivingAccount.findFirstOrThrow();
    const foreign = `v1.gone9.${crypto.randomBytes(12).toString("base64url")}.${crypto.randomBytes(24).toString("base64url")}`;
    await db.receivingAccount.update({ where: { id: account.id }, data: { accountNoEnc: foreign } });
    const result = await rotateSealedValues();
    expect(result).toMatchObject({ outcome: "incomplete", remaining: 1, unreadable: 1 });
    expect(result.unreadableRows?.[0]).toContain(account.id);
    await db.receivingAccount.update({ where: { id: account.id }, data: { accountNoEnc: account.accountNoEnc } });
  });

  it("stops between batches when maintenance begins, still records the run, and a later run finishes", async () => {
    const db = await prisma();
    useKeys(`${process.env.DATA_ENCRYPTION_KEYS},new3:${crypto.randomBytes(32).toString("base64")}`, "new3");
    let flipped = false;
    try {
      const stopped = await rotateSealedValues({
        batchSize: 1,
        onProgress: async () => {
          if (flipped) return;
          flipped = true;
          await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
        },
      });
      expect(stopped).toMatchObject({ outcome: "incomplete", stoppedBy: "maintenance", rotated: 1 });
      expect(stopped.remaining).toBeGreaterThan(0);
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "keys.rotated" }, orderBy: { seq: "desc" } });
      expect(event.after).toMatchObject({ stoppedBy: "maintenance", rotated: 1, activeKeyId: "new3" });
    } finally {
      await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    }
    expect(await rotateSealedValues()).toMatchObject({ outcome: "complete", remaining: 0 });
    expect([...(await openEverySealedValue()).values()].every((v) => v.keyId === "new3")).toBe(true);
  });

  it("is refused while maintenance read-only is on", async () => {
    const db = await prisma();
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    try {
      await expect(rotateSealedValues()).rejects.toMatchObject({ code: "MAINTENANCE" });
    } finally {
      await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    }
  });
});
