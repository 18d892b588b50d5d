import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/server/db";
import { signIn } from "@/lib/server/auth/sign-in";
import { ACTION_ACCESS } from "./action-access";
import { callAction, loadServerActions, type ServerAction } from "./server-actions";
import { meta, seedUser, TEST_PASSWORD } from "./actors";
import { enterpriseApplication, ensureReferenceRows, uniqueUscc } from "./applications";

// Every server action, discovered as the server-action matrix does, under read-only: mutations are
// refused with MAINTENANCE before they do anything; the read-only-safe ones listed here still run.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "10.88.0.1", "user-agent": "maintenance-matrix", host: "localhost", origin: "http://localhost" }),
}));

/** Actions that keep working while read-only, each for a reason (see lib/domain/maintenance). */
const READ_ONLY_SAFE = new Set([
  "app/actions.ts#switchLocaleAction", // the own locale: a preference, not business data
  "app/actions.ts#signOutAction",
  "app/(public)/sign-in/actions.ts#signInAction", // reads need a session
  "app/(session)/actions.ts#changePasswordAction", // forced password change stands between a user and reading
  "app/(session)/actions.ts#beginEnrolmentAction", // so does the second factor
  "app/(session)/actions.ts#verifySecondFactorAction",
  "app/(app)/applications/actions.ts#previewDuplicatesAction", // a read
  "app/(app)/spot-checks/actions.ts#countPopulationAction", // a read
  "app/(app)/audit/actions.ts#verifyAuditTrailAction", // a read (audits only its own result)
  "app/(app)/merchants/actions.ts#unmaskAccountAction", // an audited read
  "app/(app)/admin/maintenance/actions.ts#scheduleMaintenanceWindowAction", // admins run maintenance during maintenance
  "app/(app)/admin/maintenance/actions.ts#cancelMaintenanceWindowAction",
  "app/(app)/admin/maintenance/actions.ts#setReadOnlyAction",
]);


type Action = ServerAction;
const actions: Action[] = [];
let adminToken = "";
let clerkToken = "";

async function setSwitch(readOnly: boolean) {
  await (await prisma()).maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly } });
}

const outcome = (action: Action, token: string, input: unknown = {}) => callAction(jar, action, token, input);

const action = (suffix: string) => actions.find((a) => a.key.endsWith(suffix))!;

beforeAll(async () => {
  await ensureReferenceRows();
  actions.push(...(await loadServerActions()));
  const db = await prisma();
  for (const role of ["ADMIN", "CLERK"] as const) {
    const user = await seedUser(role);
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta(`10.89.0.${role === "ADMIN" ? 1 : 2}`));
    await db.session.updateMany({ where: { userId: user.id }, data: { mfaPassedAt: new Date() } });
    if (role === "ADMIN") adminToken = token;
    else clerkToken = token;
  }
});

afterEach(async () => {
  await setSwitch(false);
  await (await prisma()).maintenanceWindow.deleteMany();
});

describe("maintenance mode refuses every mutation path and allows reads", () => {
  it("the read-only-safe list names only real actions", () => {
    for (const key of READ_ONLY_SAFE) expect(Object.keys(ACTION_ACCESS), key).toContain(key);
    expect(actions.length).toBe(Object.keys(ACTION_ACCESS).length);
  });

  it("while the switch is on, every action not marked read-only-safe answers MAINTENANCE, for any caller", async () => {
    await setSwitch(true);
    for (const a of actions) {
      if (a.key.endsWith("#signOutAction")) continue; // ends the session; checked on its own below
      for (const token of [adminToken, clerkToken]) {
        const code = await outcome(a, token);
        if (READ_ONLY_SAFE.has(a.key)) expect(code, a.key).not.toBe("MAINTENANCE");
        else expect(code, a.key).toBe("MAINTENANCE");
      }
    }
  });

  it("the same holds during a scheduled window, and the refusal says when it ends", async () => {
    const db = await prisma();
    const endsAt = new Date(Date.now() + 30 * 60_000);
    await db.maintenanceWindow.create({ data: { id: "w-now", startsAt: new Date(Date.now() - 60_000), endsAt, messageZh: "升级", messageEn: "Upgrade", createdById: "x" } });
    const result = (await action("#submitApplicationAction").fn(enterpriseApplication())) as { ok: false; code: string; params: Record<string, unknown> };
    expect(result).toMatchObject({ ok: false, code: "MAINTENANCE", params: { until: endsAt.toISOString() } });
    expect(Number(result.params.retryAfterSeconds)).toBeGreaterThan(29 * 60);
    // A cancelled window is no window.
    await db.maintenanceWindow.update({ where: { id: "w-now" }, data: { cancelledAt: new Date() } });
    jar.set("payeeguard_session", clerkToken);
    expect(await outcome(action("#saveDraftAction"), clerkToken, { data: {} })).not.toBe("MAINTENANCE");
  });

  it("reads still work: a real preview, a population count, sign-in and sign-out; drafts already saved are kept", async () => {
    const db = await prisma();
    jar.set("payeeguard_session", clerkToken);
    const saved = (await action("#saveDraftAction").fn({ data: enterpriseApplication() })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const drafts = await db.applicationDraft.count();
    await setSwitch(true);
    expect(await outcome(action("#previewDuplicatesAction"), clerkToken, { creditCode: uniqueUscc() })).toBe("OK");
    expect(await outcome(action("#countPopulationAction"), adminToken, {})).not.toBe("MAINTENANCE");
    expect(await outcome(action("#saveDraftAction"), clerkToken, { data: enterpriseApplication() })).toBe("MAINTENANCE");
    expect(await db.applicationDraft.count()).toBe(drafts);
    const user = await seedUser("AUDITOR");
    jar.clear();
    expect(await action("#signInAction").fn({ username: user.username, password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await outcome(action("#signOutAction"), jar.get("payeeguard_session")!)).toBe("REDIRECT");
  });

  it("the admin switches read-only off during read-only (the toggle is audited both ways)", async () => {
    const db = await prisma();
    const version = (await db.maintenanceSwitch.findUniqueOrThrow({ where: { id: 1 } })).version;
    expect(await outcome(action("#setReadOnlyAction"), adminToken, { readOnly: true, version })).toBe("OK");
    expect(await outcome(action("#updateSettingsAction"), adminToken, {})).toBe("MAINTENANCE");
    expect(await outcome(action("#setReadOnlyAction"), adminToken, { readOnly: false, version: version + 1 })).toBe("OK");
    expect(await outcome(action("#updateSettingsAction"), adminToken, {})).toBe("VALIDATION");
    const events = await db.auditEvent.findMany({ where: { action: "maintenance.read-only-changed" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.after)).toEqual([{ readOnly: true }, { readOnly: false }]);
  });

  it("the REST API answers 503 with Retry-After to a POST while read-only", async () => {
    const { POST } = await import("@/app/api/v1/applications/route");
    const request = () =>
      new Request("http://localhost/api/v1/applications", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
        body: JSON.stringify({ data: enterpriseApplication() }),
      });
    await setSwitch(true);
    jar.set("payeeguard_session", clerkToken);
    const refused = await POST(request());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "MAINTENANCE", status: 503 });
    await setSwitch(false);
    expect((await POST(request())).status).not.toBe(503);
  });

  it("system jobs pause while read-only", async () => {
    const { applyElapsedHolds } = await import("@/lib/server/confirmations/apply-elapsed-holds");
    const { runDueSchedules } = await import("@/lib/server/spot-checks/run-due-schedules");
    await setSwitch(true);
    expect(await applyElapsedHolds()).toMatchObject({ paused: true, applied: 0 });
    expect(await runDueSchedules()).toMatchObject({ paused: true, created: 0 });
  });
});
