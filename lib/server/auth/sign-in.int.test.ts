import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { meta, seedUser, TEST_PASSWORD } from "@/test/integration/actors";
import { verifyPassword } from "./password";
import { findValidSession } from "./session-store";
import { ADDRESS_FAILURE_LIMIT, ADDRESS_WINDOW_MINUTES, LOCKOUT_AFTER_FAILURES, signIn } from "./sign-in";

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

/** The throttle as it was: count, check the password, then record. Here only to show the burst races. */
async function naiveGuess(ip: string, username: string): Promise<string> {
  const db = await prisma();
  const recent = await db.signInFailure.count({ where: { ip, at: { gte: new Date(Date.now() - ADDRESS_WINDOW_MINUTES * 60_000) } } });
  if (recent >= ADDRESS_FAILURE_LIMIT) return "THROTTLED";
  await verifyPassword(null, "guess");
  await db.signInFailure.create({ data: { ip, username } });
  return "INVALID_CREDENTIALS";
}


describe("sign-in", () => {
  it("signs in with the right password and audits it", async () => {
    const user = await seedUser("CLERK");
    const result = await signIn({ username: user.username.toUpperCase(), password: TEST_PASSWORD }, meta("10.1.0.1"));
    const db = await prisma();
    expect(await findValidSession(db, result.token)).toMatchObject({ user: { id: user.id } });
    expect(await db.auditEvent.count({ where: { action: "auth.sign-in", entityId: user.id } })).toBe(1);
  });

  it("answers the same for unknown users and wrong passwords", async () => {
    const user = await seedUser("CLERK");
    expect((await refusal(signIn({ username: user.username, password: "wrong" }, meta("10.1.0.2")))).code).toBe("INVALID_CREDENTIALS");
    expect((await refusal(signIn({ username: "nobody-here", password: "wrong" }, meta("10.1.0.2")))).code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const db = await prisma();
    const before = await db.auditEvent.count();
    const err = await refusal(signIn({ username: "", password: 42 }, meta()));
    expect(err.code).toBe("VALIDATION");
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["password", "username"]);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it(`locks the account after ${LOCKOUT_AFTER_FAILURES} failures, even against the right password`, async () => {
    const user = await seedUser("CLERK");
    for (let i = 0; i < LOCKOUT_AFTER_FAILURES; i++) {
      expect((await refusal(signIn({ username: user.username, password: "wrong" }, meta(`10.2.0.${i}`)))).code).toBe("INVALID_CREDENTIALS");
    }
    expect((await refusal(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.2.1.1")))).code).toBe("LOCKED");
    const db = await prisma();
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", entityId: user.id } })).toBe(1);
    // After the lock expires, the right password works again.
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.2.1.1"))).resolves.toHaveProperty("token");
  });

  it("four failures then a success reset the counter", async () => {
    const user = await seedUser("CLERK");
    for (let i = 0; i < LOCKOUT_AFTER_FAILURES - 1; i++) await refusal(signIn({ username: user.username, password: "x" }, meta("10.3.0.1")));
    await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.3.0.1"));
    await refusal(signIn({ username: user.username, password: "x" }, meta("10.3.0.1")));
    await expect(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.3.0.1"))).resolves.toHaveProperty("token");
  });

  it("throttles an address that fails too often across many usernames", async () => {
    const ip = "10.4.0.9";
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await refusal(signIn({ username: `spray-${i}`, password: "x" }, meta(ip)));
    const user = await seedUser("CLERK");
    expect((await refusal(signIn({ username: user.username, password: TEST_PASSWORD }, meta(ip)))).code).toBe("THROTTLED");
    await expect(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.4.0.10"))).resolves.toHaveProperty("token");
  });

  it("checks no more than the address limit of passwords in a burst of concurrent guesses (the naive count-then-record checks more)", async () => {
    const burst = 3 * ADDRESS_FAILURE_LIMIT;
    const naive = tally(await Promise.all(Array.from({ length: burst }, (_, i) => naiveGuess("10.16.0.1", `burst-naive-${i}`))));
    expect(naive.INVALID_CREDENTIALS).toBeGreaterThan(ADDRESS_FAILURE_LIMIT);

    const codes = tally(await Promise.all(Array.from({ length: burst }, (_, i) => codeOf(signIn({ username: `burst-${i}`, password: "guess" }, meta("10.16.0.2"))))));
    expect(codes).toEqual({ INVALID_CREDENTIALS: ADDRESS_FAILURE_LIMIT, THROTTLED: burst - ADDRESS_FAILURE_LIMIT });
  });

  it("locks an account under a burst of concurrent guesses after no more than the allowed passwords are checked", async () => {
    const user = await seedUser("CLERK");
    const burst = 4 * LOCKOUT_AFTER_FAILURES;
    const codes = tally(await Promise.all(Array.from({ length: burst }, (_, i) => codeOf(signIn({ username: user.username, password: `guess-${i}` }, meta(`10.17.${i}.1`))))));
    expect(codes.INVALID_CREDENTIALS).toBeGreaterThanOrEqual(1);
    expect(codes.INVALID_CREDENTIALS).toBeLessThanOrEqual(LOCKOUT_AFTER_FAILURES);
    expect(codes.LOCKED).toBe(burst - codes.INVALID_CREDENTIALS!);
    const db = await prisma();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", entityId: user.id } })).toBe(1);
    expect((await refusal(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.17.99.1")))).code).toBe("LOCKED");
  });

  it("a success does not count against its address", async () => {
    const user = await seedUser("CLERK");
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT + 2; i++) await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.18.0.1"));
    expect(await (await prisma()).signInFailure.count({ where: { ip: "10.18.0.1" } })).toBe(0);
  });

  it("a disabled user cannot sign in", async () => {
    const user = await seedUser("CLERK", { disabled: true });
    expect((await refusal(signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.5.0.1")))).code).toBe("INVALID_CREDENTIALS");
  });
});

describe("sessions", () => {
  it("expire after 30 idle minutes and after 12 hours in all", async () => {
    const user = await seedUser("CLERK");
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.6.0.1"));
    const db = await prisma();
    const now = Date.now();
    expect(await findValidSession(db, token, new Date(now + 29 * 60_000))).not.toBeNull();
    // Activity keeps it alive past 30 minutes since sign-in ...
    expect(await findValidSession(db, token, new Date(now + 58 * 60_000))).not.toBeNull();
    // ... but 31 idle minutes end it, on the server.
    expect(await findValidSession(db, token, new Date(now + 90 * 60_000))).toBeNull();
    expect(await findValidSession(db, token, new Date(now + 58 * 60_000))).toBeNull();
  });

  it("end at the absolute limit despite activity", async () => {
    const user = await seedUser("CLERK");
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.6.0.2"));
    const db = await prisma();
    let t = Date.now();
    for (let hour = 1; hour <= 11; hour++) {
      t += 25 * 60_000;
      expect(await findValidSession(db, token, new Date(t))).not.toBeNull();
    }
    await db.session.updateMany({ data: { createdAt: new Date(Date.now() - 12 * 3_600_000 - 1000), lastSeenAt: new Date() }, where: { userId: user.id } });
    expect(await findValidSession(db, token)).toBeNull();
  });

  it("a disabled user's session is rejected on the next request", async () => {
    const user = await seedUser("CLERK");
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.6.0.3"));
    const db = await prisma();
    expect(await findValidSession(db, token)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findValidSession(db, token)).toBeNull();
  });
});
