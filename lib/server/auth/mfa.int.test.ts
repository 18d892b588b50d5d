import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { codeOf } from "@/test/integration/outcomes";
import { beginTotpEnrolment, verifySecondFactor } from "./mfa";
import { LOCKOUT_AFTER_FAILURES } from "./sign-in";
import { totpFor } from "./totp";

describe("TOTP second factor", () => {
  it("enrols with a code from the new secret, marks the session as passed, and audits it", async () => {
    const supervisor = await seedActor("SUPERVISOR");
    const { secret, uri } = await beginTotpEnrolment({ ...supervisor, mfaPassed: false });
    expect(uri).toMatch(/^otpauth:\/\/totp\/PayeeGuard:/);
    const db = await prisma();
    await db.session.update({ where: { id: supervisor.sessionId }, data: { mfaPassedAt: null } });
    await verifySecondFactor({ ...supervisor, mfaPassed: false }, { code: totpFor(supervisor.username, secret).generate() }, meta());
    const user = await db.user.findUniqueOrThrow({ where: { id: supervisor.id } });
    expect(user.totpEnabledAt).not.toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: supervisor.sessionId } })).mfaPassedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.mfa-enrolled", entityId: supervisor.id } })).toBe(1);
    // Once enrolled, enrolment cannot be restarted to swap the secret.
    expect(await codeOf(beginTotpEnrolment({ ...supervisor, mfaEnrolled: true }))).toBe("CONFLICT");
  });

  it("refuses malformed and wrong codes; repeated wrong codes lock the account and end its sessions", async () => {
    const admin = await seedActor("ADMIN");
    const { secret } = await beginTotpEnrolment(admin);
    expect(await codeOf(verifySecondFactor(admin, { code: "12ab" }, meta()))).toBe("VALIDATION");
    const good = totpFor(admin.username, secret).generate();
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < LOCKOUT_AFTER_FAILURES; i++) expect(await codeOf(verifySecondFactor(admin, { code: wrong }, meta()))).toBe("VALIDATION");
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(user.totpEnabledAt).toBeNull();
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(0);
  });
});

describe("REQUIRE_MFA", () => {
  it("holds supervisors and admins at the second factor, not clerks or auditors; off by default on the embedded demo", async () => {
    const { pendingStep } = await import("./current-actor");
    const { resetEnvForTests } = await import("@/lib/server/env");
    const actor = (role: "CLERK" | "SUPERVISOR" | "AUDITOR" | "ADMIN") => ({ id: "x", username: "x", displayName: "x", role, locale: "zh-CN", sessionId: "s", mfaPassed: false, mfaEnrolled: false, mustChangePassword: false });
    const saved = process.env.REQUIRE_MFA;
    try {
      process.env.REQUIRE_MFA = "1";
      resetEnvForTests();
      expect(["CLERK", "SUPERVISOR", "AUDITOR", "ADMIN"].map((r) => pendingStep(actor(r as "CLERK")))).toEqual([null, "MFA_REQUIRED", null, "MFA_REQUIRED"]);
      expect(pendingStep({ ...actor("SUPERVISOR"), mfaPassed: true })).toBeNull();
      expect(pendingStep({ ...actor("SUPERVISOR"), mustChangePassword: true })).toBe("PASSWORD_CHANGE_REQUIRED");
      process.env.REQUIRE_MFA = "0";
      resetEnvForTests();
      expect(pendingStep(actor("ADMIN"))).toBeNull();
      // An enrolled user is always asked for the code, whatever the setting.
      expect(pendingStep({ ...actor("CLERK"), mfaEnrolled: true })).toBe("MFA_REQUIRED");
    } finally {
      if (saved === undefined) delete process.env.REQUIRE_MFA;
      else process.env.REQUIRE_MFA = saved;
      resetEnvForTests();
    }
  });
});
