import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { findValidSession } from "@/lib/server/auth/session-store";
import { signIn } from "@/lib/server/auth/sign-in";
import { meta, seedActor, seedUser, TEST_PASSWORD } from "@/test/integration/actors";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { endUserSessions } from "./end-user-sessions";
import { resetUserPassword } from "./reset-user-password";
import { setUserDisabled } from "./set-user-disabled";


const requestMeta = meta();

describe("user administration", () => {
  it("an admin creates a user who must change the password at first sign-in", async () => {
    const admin = await seedActor("ADMIN");
    const { id } = await createUser({ actor: admin, input: { username: `New.Clerk${Date.now()}`, displayName: "新录入员", role: "CLERK", initialPassword: "Initial-pass-99" }, requestMeta });
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.username).toMatch(/^new\.clerk/);
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEvent.count({ where: { action: "user.created", entityId: id, actorId: admin.id } })).toBe(1);
  });

  it("refuses every role but admin, and writes nothing", async () => {
    for (const role of ["CLERK", "SUPERVISOR", "AUDITOR"] as const) {
      const actor = await seedActor(role);
      const input = { username: `x${role.toLowerCase()}${Date.now()}`, displayName: "X", role: "ADMIN", initialPassword: "Initial-pass-99" };
      expect(await codeOf(createUser({ actor, input, requestMeta }))).toBe("FORBIDDEN");
      expect(await (await prisma()).user.count({ where: { username: input.username } })).toBe(0);
    }
    expect(await codeOf(createUser({ actor: null, input: {}, requestMeta }))).toBe("UNAUTHENTICATED");
  });

  it("shows every field error for bad input, including a taken username", async () => {
    const admin = await seedActor("ADMIN");
    try {
      await createUser({ actor: admin, input: { username: "a", displayName: "", role: "ROOT", initialPassword: "short", extra: "x".repeat(10_000_000) }, requestMeta });
      throw new Error("accepted");
    } catch (err) {
      expect(err).toBeInstanceOf(UseCaseError);
      expect(Object.keys((err as UseCaseError).fieldErrors).sort()).toEqual(["displayName", "initialPassword", "role", "username"]);
    }
    const existing = await seedUser("CLERK");
    await expect(createUser({ actor: admin, input: { username: existing.username, displayName: "Dup", role: "CLERK", initialPassword: "Initial-pass-99" }, requestMeta })).rejects.toMatchObject({
      fieldErrors: { username: ["validation.username.taken"] },
    });
  });

  it("disabling a user ends their sessions at once; a stale version is a conflict", async () => {
    const admin = await seedActor("ADMIN");
    const user = await seedUser("CLERK");
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.9.0.1"));
    const db = await prisma();
    expect(await codeOf(setUserDisabled({ actor: admin, input: { userId: user.id, version: user.version + 5, disabled: true }, requestMeta }))).toBe("CONFLICT");
    expect(await findValidSession(db, token)).not.toBeNull();
    await setUserDisabled({ actor: admin, input: { userId: user.id, version: user.version, disabled: true }, requestMeta });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await findValidSession(db, token)).toBeNull();
    await setUserDisabled({ actor: admin, input: { userId: user.id, version: user.version + 1, disabled: false }, requestMeta });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
  });

  it("an admin can neither disable, re-role nor reset themselves, and the last admin stays an admin", async () => {
    const db = await prisma();
    const admin = await seedActor("ADMIN");
    const self = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await codeOf(setUserDisabled({ actor: admin, input: { userId: admin.id, version: self.version, disabled: true }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(changeUserRole({ actor: admin, input: { userId: admin.id, version: self.version, role: "SUPERVISOR" }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(resetUserPassword({ actor: admin, input: { userId: admin.id, version: self.version, newPassword: "Another-pass-77" }, requestMeta }))).toBe("FORBIDDEN");
    // Disable every other admin; then the remaining one cannot be demoted by anyone else.
    const other = await seedActor("ADMIN");
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: [admin.id, other.id] } }, data: { disabledAt: new Date() } });
    const target = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await db.user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    const otherActor = { ...other };
    expect(await codeOf(changeUserRole({ actor: otherActor, input: { userId: target.id, version: target.version, role: "CLERK" }, requestMeta }))).toBe("CONFLICT");
  });

  it("a role change and a password reset end sessions; the reset forces a new password", async () => {
    const admin = await seedActor("ADMIN");
    const user = await seedUser("CLERK");
    const db = await prisma();
    await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.9.0.2"));
    await changeUserRole({ actor: admin, input: { userId: user.id, version: user.version, role: "AUDITOR" }, requestMeta });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.9.0.2"));
    await resetUserPassword({ actor: admin, input: { userId: user.id, version: user.version + 1, newPassword: "Reset-pass-2026" }, requestMeta });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ role: "AUDITOR", mustChangePassword: true });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const ended = await endUserSessions({ actor: admin, input: { userId: user.id }, requestMeta });
    expect(ended.sessionsEnded).toBe(0);
  });

  it("saving the role a user already has is refused: no sessions end, nothing is audited", async () => {
    const admin = await seedActor("ADMIN");
    const user = await seedUser("CLERK");
    const db = await prisma();
    await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.9.0.3"));
    const err = await refusal(changeUserRole({ actor: admin, input: { userId: user.id, version: user.version, role: "CLERK" }, requestMeta }));
    expect(err.fieldErrors).toEqual({ role: ["validation.user.roleUnchanged"] });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.role-changed", entityId: user.id } })).toBe(0);
  });
});
