import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { pendingAccountChange, team } from "@/test/integration/account-change";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { readSettings } from "./read-settings";
import { settingsForm } from "@/test/integration/settings-form";
import { getSettingsForAdmin } from "./settings-for-admin";
import { updateSettings } from "./update-settings";

beforeAll(ensureReferenceRows);

const form = settingsForm;

describe("settings", () => {
  it("an admin changes the hold period: audited, read at once by the next approval; an unchanged save writes nothing", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const saved = await updateSettings({ actor: admin, input: form({ holdDays: " 5 " }), requestMeta: meta() });
    expect(saved.changed).toEqual(["confirmation"]);
    expect((await readSettings(db)).confirmation.holdDays).toBe(5);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "setting.changed", entityId: "confirmation" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorId: admin.id, before: { holdDays: 3 }, after: { holdDays: 5 } });

    const { request } = await pendingAccountChange(await team(), (d) => ({ ...d, account: { ...d.account, accountNo: `${crypto.randomInt(10 ** 9, 10 ** 10 - 1)}246810` } }));
    expect(request.holdUntil!.getTime() - request.decidedAt!.getTime()).toBe(5 * 24 * 3600_000);

    const events = await db.auditEvent.count({ where: { action: "setting.changed" } });
    const { versions } = await getSettingsForAdmin(admin);
    expect(await updateSettings({ actor: admin, input: form({ holdDays: 5, versions }), requestMeta: meta() })).toMatchObject({ changed: [] });
    expect(await db.auditEvent.count({ where: { action: "setting.changed" } })).toBe(events);
    await updateSettings({ actor: admin, input: form({ holdDays: 3, versions }), requestMeta: meta() });
  });

  it("refuses values out of range, every one of them at once", async () => {
    const admin = await seedActor("ADMIN");
    const error = await refusal(updateSettings({ actor: admin, input: form({ holdDays: "31", newMerchantDays: "", acquirerCode: "89", sharedPhoneMerchants: "-1" }), requestMeta: meta() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({
      holdDays: ["validation.settings.holdDays"],
      newMerchantDays: ["validation.settings.newMerchantDays"],
      acquirerCode: ["validation.settings.acquirerCode"],
      sharedPhoneMerchants: ["validation.settings.sharedPhoneMerchants"],
    });
    expect(await codeOf(updateSettings({ actor: admin, input: form({ holdDays: "0", versions: (await getSettingsForAdmin(admin)).versions }), requestMeta: meta() }))).toBe("OK");
    expect(await codeOf(updateSettings({ actor: admin, input: form({ holdDays: "30", versions: (await getSettingsForAdmin(admin)).versions }), requestMeta: meta() }))).toBe("OK");
  });

  it("only admins; an edit made on a stale version is a conflict", async () => {
    for (const role of ["CLERK", "SUPERVISOR", "AUDITOR"] as const) {
      expect(await codeOf(updateSettings({ actor: await seedActor(role), input: form(), requestMeta: meta() }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(updateSettings({ actor: null, input: form(), requestMeta: meta() }))).toBe("UNAUTHENTICATED");
    const admin = await seedActor("ADMIN");
    const { versions } = await getSettingsForAdmin(admin);
    await updateSettings({ actor: admin, input: form({ maxAccountChanges90d: "4", versions }), requestMeta: meta() });
    // A second admin still holding the old versions.
    expect(await codeOf(updateSettings({ actor: await seedActor("ADMIN"), input: form({ maxAccountChanges90d: "6", versions }), requestMeta: meta() }))).toBe("CONFLICT");
    expect(await codeOf(updateSettings({ actor: admin, input: form({ acquirerCode: "899", versions: { acquirerCode: 3 } }), requestMeta: meta() }))).toBe("CONFLICT");
    expect((await readSettings(await prisma())).risk.maxAccountChanges90d).toBe(4);
  });
});
