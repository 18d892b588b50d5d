import { beforeAll, describe, expect, it, vi } from "vitest";
import { hasPermission, ROLES, type TRole } from "@/lib/domain/permissions";
import { prisma } from "@/lib/server/db";
import { signIn } from "@/lib/server/auth/sign-in";
import { ACTION_ACCESS } from "./action-access";
import { callAction, loadServerActions, type ServerAction } from "./server-actions";
import { meta, seedUser, TEST_PASSWORD } from "./actors";

// Server actions are public HTTP endpoints: call each one directly, as a forged POST would,
// with no page in front of it, under every kind of session.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "10.77.0.1", "user-agent": "matrix" }),
}));


type Action = ServerAction;

/** With REQUIRE_MFA on (the default with a server database), supervisors and admins must pass it first. */
async function passSecondFactor(userId: string) {
  await (await prisma()).session.updateMany({ where: { userId }, data: { mfaPassedAt: new Date() } });
}
let actions: Action[] = [];
const tokens: Partial<Record<TRole | "DISABLED", string>> = {};

beforeAll(async () => {
  actions.push(...(await loadServerActions()));
  for (const role of [...ROLES, "DISABLED"] as const) {
    const user = await seedUser(role === "DISABLED" ? "ADMIN" : role);
    tokens[role] = (await signIn({ username: user.username, password: TEST_PASSWORD }, meta(`10.78.0.${ROLES.indexOf(role as TRole) + 2}`))).token;
    await passSecondFactor(user.id);
    if (role === "DISABLED") await (await prisma()).user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  }
});

const outcome = (action: Action, token: string | undefined) => callAction(jar, action, token);

describe("server actions authorise themselves", () => {
  it("every exported server action has an access entry, and every entry an action", () => {
    const found = actions.map((a) => a.key).sort();
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(Object.keys(ACTION_ACCESS).sort());
  });

  it("anonymous and disabled-user calls are refused unless the action is public", async () => {
    for (const action of actions) {
      const access = ACTION_ACCESS[action.key];
      for (const token of [undefined, tokens.DISABLED]) {
        const code = await outcome(action, token);
        if (access === "public") expect(code, action.key).not.toBe("FORBIDDEN");
        else expect(code, `${action.key} without a valid session`).toBe("UNAUTHENTICATED");
      }
    }
  });

  it("each role gets exactly the actions its permissions allow", async () => {
    for (const role of ROLES) {
      for (const action of actions) {
        const access = ACTION_ACCESS[action.key]!;
        if (access === "public" || action.key.endsWith("#signOutAction")) continue;
        const code = await outcome(action, tokens[role]);
        const allowed = access === "signed-in" || hasPermission(role, access);
        if (allowed) expect(["FORBIDDEN", "UNAUTHENTICATED"], `${role} → ${action.key}`).not.toContain(code);
        else expect(code, `${role} → ${action.key}`).toBe("FORBIDDEN");
      }
    }
  });

  it("a role change mid-session takes effect on the next call", async () => {
    const user = await seedUser("ADMIN");
    const { token } = await signIn({ username: user.username, password: TEST_PASSWORD }, meta("10.79.0.1"));
    await passSecondFactor(user.id);
    const create = actions.find((a) => a.key.endsWith("#createUserAction"))!;
    expect(await outcome(create, token)).toBe("VALIDATION");
    await (await prisma()).user.update({ where: { id: user.id }, data: { role: "CLERK" } });
    expect(await outcome(create, token)).toBe("FORBIDDEN");
  });
});
