import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES, hasPermission, type TPermission, type TRole } from "@/lib/domain/permissions";
import { signIn } from "@/lib/server/auth/sign-in";
import { database, prisma } from "@/lib/server/db";
import { ACTION_ACCESS } from "./action-access";
import { meta, seedUser, TEST_PASSWORD } from "./actors";
import { enterpriseApplication, ensureReferenceRows } from "./applications";
import { callAction, loadServerActions, type ServerAction } from "./server-actions";
import { tableFingerprints } from "./table-fingerprints";

// Issue 8 suite 6: generated bad input fired at every server action, by a user allowed to call it
// (so the input reaches the schema and the use case, not just the permission check), and at the
// JSON API. Never a crash (UNEXPECTED is what a 500 would be), never a partial write.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "10.99.0.1", "user-agent": "bad-input", host: "localhost", origin: "http://localhost" }),
}));

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 12);
// Written on purpose by a refused call: the audit trail of refusals, counters, session touches.
const MAY_CHANGE_ON_REFUSAL = new Set(["AuditEvent", "AuditChainHead", "SignInFailure", "RateLimitHit", "Session"]);
// Ending the caller's own session is not an input problem; it takes no input worth fuzzing.
const NOT_FUZZED = new Set(["app/actions.ts#signOutAction"]);

const EDGE_STRINGS = ["", " ", "\u0000", "\u202e\u202d", "\ud800", "😀".repeat(500), "𠀀𠀁", "１２３４５６", "' OR 1=1 --", "<script>alert(1)</script>", "NaN", "-0", "1e309", "x".repeat(70_000), "__proto__", "constructor"];
const leaf = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...EDGE_STRINGS), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.date({ noInvalidDate: false }));
const junk = fc.oneof(
  leaf,
  fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("data", "id", "version", "changeRequestId", "__proto__")), leaf, { maxKeys: 6 }),
  fc.array(leaf, { maxLength: 5 }),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, maxDepth: 3 }),
);

/** Paths to every leaf of a value ("merchant.legalName", "terminals.0.terminalId", …). */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}
function setAt(target: unknown, path: string[], value: unknown) {
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, target as Record<string, unknown>);
  parent[path.at(-1)!] = value;
}
/** A valid application with one field replaced by bad input: gets past the shape, hits the rules. */
const mutatedApplication = fc.tuple(fc.nat(), leaf).map(([i, bad]) => {
  const data = enterpriseApplication();
  const paths = leafPaths(data);
  setAt(data, paths[i % paths.length]!, bad);
  return { data };
});

let actions: ServerAction[] = [];
const tokens = new Map<TRole, string>();

/** The role that may call an action: its permission's holder (a clerk for public/signed-in ones). */
function callerFor(action: ServerAction): TRole {
  const access = ACTION_ACCESS[action.key];
  if (!access || access === "public" || access === "signed-in") return "CLERK";
  return ROLES.find((r) => hasPermission(r, access as TPermission))!;
}

let fingerprintQuery = "";
/** Row count and content hash of every table a refusal must leave alone, in one statement. */
async function fingerprintsThatMatter() {
  const sql = (await database()).sql;
  if (!fingerprintQuery) {
    const tables = Object.keys(await tableFingerprints(sql)).filter((t) => !MAY_CHANGE_ON_REFUSAL.has(t));
    fingerprintQuery = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(row_to_json(x)::text, '|' ORDER BY row_to_json(x)::text), '')) AS h FROM "${t}" x`).join(" UNION ALL ");
  }
  const rows = await sql.query<{ t: string; n: number; h: string }>(fingerprintQuery);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

beforeAll(async () => {
  await ensureReferenceRows();
  actions = await loadServerActions();
  const db = await prisma();
  for (const [i, role] of ROLES.entries()) {
    const user = await seedUser(role);
    tokens.set(role, (await signIn({ username: user.username, password: TEST_PASSWORD }, meta(`10.98.0.${i + 1}`))).token);
    await db.session.updateMany({ where: { userId: user.id }, data: { mfaPassedAt: new Date() } });
  }
});

describe("bad input never crashes a mutation and never half-writes", () => {
  it("the suite reaches every server action it should", () => {
    expect(actions.length).toBe(Object.keys(ACTION_ACCESS).length);
    expect(actions.filter((a) => !NOT_FUZZED.has(a.key)).length).toBeGreaterThan(30);
  });

  it("every server action, given generated junk by a user allowed to call it, refuses cleanly and writes nothing", async () => {
    const crashes: string[] = [];
    for (const action of actions.filter((a) => !NOT_FUZZED.has(a.key))) {
      const token = tokens.get(callerFor(action))!;
      const inputs = /Application|Draft|MerchantChange|Duplicates/.test(action.key) ? fc.oneof(junk, mutatedApplication) : junk;
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = await fingerprintsThatMatter();
          let code: string;
          try {
            code = await callAction(jar, action, token, input);
          } catch (err) {
            crashes.push(`${action.key}: threw ${String(err)}`);
            return false;
          }
          if (code === "UNEXPECTED") {
            crashes.push(`${action.key}: UNEXPECTED`);
            return false;
          }
          if (code === "OK" || code === "REDIRECT") return true;
          expect(await fingerprintsThatMatter(), `${action.key} refused with ${code} but changed data`).toEqual(before);
          return true;
        }),
        { numRuns: RUNS, seed: Number(process.env.BAD_INPUT_SEED ?? 20261202) },
      ).catch((err: Error) => crashes.push(err.message.split("\n").slice(0, 6).join("\n")));
    }
    expect(crashes).toEqual([]);
  }, 900_000);
});

describe("the JSON API refuses malformed requests with a 4xx", () => {
  const post = async (init: { body: BodyInit; contentType?: string }) => {
    jar.clear();
    jar.set("payeeguard_session", tokens.get("CLERK")!);
    const { POST } = await import("@/app/api/v1/applications/route");
    const headers: Record<string, string> = { host: "localhost", origin: "http://localhost" };
    if (init.contentType) headers["content-type"] = init.contentType;
    return POST(new Request("http://localhost/api/v1/applications", { method: "POST", headers, body: init.body }));
  };

  it.each([
    ["malformed JSON", { body: '{"data": {', contentType: "application/json" }],
    ["a wrong content type", { body: "data=1", contentType: "application/x-www-form-urlencoded" }],
    ["no content type", { body: "{}" }],
    ["an oversized body", { body: JSON.stringify({ data: "x".repeat(2_000_000) }), contentType: "application/json" }],
    ["a lone surrogate and control characters", { body: '{"data":{"merchant":{"legalName":"\\ud800\\u0000"}}}', contentType: "application/json" }],
    ["JSON that is not an object", { body: "[1,2,3]", contentType: "application/json" }],
  ] as const)("%s", async (_, init) => {
    const before = await fingerprintsThatMatter();
    const response = await post(init);
    expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await fingerprintsThatMatter()).toEqual(before);
  });
});
