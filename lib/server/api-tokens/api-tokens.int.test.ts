import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/server/db";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor, seedUser } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { refusal } from "@/test/integration/outcomes";
import { approvedMerchant, edited, verifiedRequest } from "@/test/integration/workflow";
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

// Route handlers read cookies and headers through next/headers; here there is no session at all,
// so every call below is authenticated by its bearer token alone.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ "x-forwarded-for": "10.77.0.1", "user-agent": "integration-test" }),
}));

const requestMeta = meta();
const ALL_SCOPES = ["applications:write", "merchant-changes:write", "merchants:read", "change-requests:read"];
beforeAll(ensureReferenceRows);

async function tokenFor(scopes = ALL_SCOPES, overrides: { lifetime?: "30" | "never"; clerkId?: string } = {}) {
  const admin = await seedActor("ADMIN");
  const clerkId = overrides.clerkId ?? (await seedUser("CLERK")).id;
  const { id, token } = await createApiToken({ actor: admin, input: { name: "Agent portal", scopes, actingUserId: clerkId, lifetime: overrides.lifetime ?? "30" }, requestMeta });
  return { id, token, admin, clerkId };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", ...extra });

async function postApplication(token: string, body: unknown, extra: Record<string, string> = {}, query = "") {
  const { POST } = await import("@/app/api/v1/applications/route");
  return POST(new Request(`http://localhost/api/v1/applications${query}`, { method: "POST", headers: bearer(token, extra), body: JSON.stringify(body) }));
}

describe("creating, listing and revoking API tokens", () => {
  it("shows the token once and stores only its SHA-256; creation is audited", async () => {
    const { id, token, admin } = await tokenFor();
    expect(token).toMatch(/^pg_live_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const db = await prisma();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.split("_").at(-1));
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const listed = await listApiTokens(admin, {});
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);
    expect(listed.tokens.find((t) => t.id === id)?.status).toBe("active");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "api-token.created", entityId: id } });
    expect(event.actorId).toBe(admin.id);
    expect(JSON.stringify(event.after)).not.toContain(token);
  });

  it("refuses non-admins, a non-clerk to act as, and reports every bad field at once", async () => {
    const clerk = await seedUser("CLERK");
    for (const role of ["CLERK", "SUPERVISOR", "AUDITOR"] as const) {
      const err = await refusal(createApiToken({ actor: await seedActor(role), input: { name: "x-portal", scopes: ["merchants:read"], actingUserId: clerk.id, lifetime: "30" }, requestMeta }));
      expect(err.code).toBe("FORBIDDEN");
    }
    const admin = await seedActor("ADMIN");
    const supervisor = await seedUser("SUPERVISOR");
    const notClerk = await refusal(createApiToken({ actor: admin, input: { name: "x-portal", scopes: ["merchants:read"], actingUserId: supervisor.id, lifetime: "30" }, requestMeta }));
    expect(notClerk.fieldErrors).toEqual({ actingUserId: ["validation.apiToken.actingUser"] });
    const bad = await refusal(createApiToken({ actor: admin, input: { name: "", scopes: ["change:approve"], actingUserId: "", lifetime: "forever" }, requestMeta }));
    expect(Object.keys(bad.fieldErrors).map((k) => k.split(".")[0]).sort()).toEqual(["actingUserId", "lifetime", "name", "scopes"]);
  });

  it("refuses a wrong secret, a revoked or expired token and a disabled clerk with the same 401", async () => {
    const { id, token, admin, clerkId } = await tokenFor();
    const actor = await authenticateApiToken(token);
    expect(actor).toMatchObject({ id: clerkId, role: "CLERK", apiToken: { id } });
    expect((await (await prisma()).apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await refusal(authenticateApiToken(forged))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(authenticateApiToken("pg_live_nonsense"))).code).toBe("UNAUTHENTICATED");

    const db = await prisma();
    const { version } = await db.apiToken.findUniqueOrThrow({ where: { id } });
    await revokeApiToken({ actor: admin, input: { id, version }, requestMeta });
    expect((await refusal(authenticateApiToken(token))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(revokeApiToken({ actor: admin, input: { id, version }, requestMeta }))).code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { action: "api-token.revoked", entityId: id } })).toBe(1);
    const revokedCall = await postApplication(token, { data: enterpriseApplication() });
    expect(revokedCall.status).toBe(401);
    expect(revokedCall.headers.get("www-authenticate")).toContain("Bearer");

    const expired = await tokenFor();
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(authenticateApiToken(expired.token))).code).toBe("UNAUTHENTICATED");

    const disabled = await tokenFor();
    await db.user.update({ where: { id: disabled.clerkId }, data: { disabledAt: new Date() } });
    expect((await refusal(authenticateApiToken(disabled.token))).code).toBe("UNAUTHENTICATED");
  });
});

describe("what a token may do", () => {
  it("can never verify or approve, whatever its scopes — at the use case", async () => {
    const { token } = await tokenFor();
    const tokenActor = await authenticateApiToken(token);
    const { data, request } = await verifiedRequest(await seedActor("CLERK"), await seedActor("CLERK"));
    const fresh = await (await import("@/lib/server/applications/submit-application")).submitApplication({ actor: await seedActor("CLERK"), input: { data: enterpriseApplication() }, requestMeta });
    const verify = await refusal(verifyChangeRequest({ actor: tokenActor, input: { changeRequestId: fresh.changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: "x", accountNo: "1", cnaps: "1" }, requestMeta }));
    expect(verify).toMatchObject({ code: "FORBIDDEN", params: { permission: "change:verify" } });
    // Even a token actor that somehow carried a supervisor's role stays below the token ceiling.
    const asSupervisor = { ...tokenActor, role: "SUPERVISOR" as const, apiToken: { ...tokenActor.apiToken!, scopes: [...ALL_SCOPES, "change:approve"] } };
    const approve = await refusal(approveChangeRequest({ actor: asSupervisor, input: { changeRequestId: request.id, version: request.version }, requestMeta }));
    expect(approve).toMatchObject({ code: "FORBIDDEN", params: { permission: "change:approve" } });
    expect((await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("AWAITING_APPROVAL");
  });

  it("submits an application over HTTP as its clerk, no Origin needed; the audit trail names the token", async () => {
    const { token, clerkId } = await tokenFor(["applications:write"]);
    const response = await postApplication(token, { data: enterpriseApplication() });
    expect(response.status).toBe(201);
    const { changeRequestId } = (await response.json()) as { changeRequestId: string };
    const db = await prisma();
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ makerId: clerkId, status: "AWAITING_VERIFICATION" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "change.submitted", entityId: changeRequestId } });
    expect(event.actorId).toBe(clerkId);
    expect(event.userAgent).toMatch(/^api-token:[A-Za-z0-9]{12} /);
  });

  it("refuses a call outside the token's scopes with 403 problem+json", async () => {
    const { token } = await tokenFor(["merchants:read"]);
    const response = await postApplication(token, { data: enterpriseApplication() });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "FORBIDDEN", params: { scope: "applications:write" } });
    const { GET } = await import("@/app/api/v1/change-requests/[id]/route");
    const status = await GET(new Request("http://localhost/api/v1/change-requests/x", { headers: bearer(token) }), { params: Promise.resolve({ id: "x" }) });
    expect(status.status).toBe(403);
  });

  it("answers invalid input with 422 problem+json and every field error", async () => {
    const { token } = await tokenFor(["applications:write"]);
    const data = enterpriseApplication();
    data.merchant.creditCode = "91350102MA2Y8K3Q0X";
    data.account.cnaps = "123";
    const response = await postApplication(token, { data });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { field: string; pointer: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(["merchant.creditCode", "account.cnaps"]));
    expect(body.errors.find((e) => e.field === "account.cnaps")?.pointer).toBe("/account/cnaps");
  });

  it("a dry run runs the checks, reports a duplicate, and writes nothing", async () => {
    const { token } = await tokenFor(["applications:write"]);
    const db = await prisma();
    const data = enterpriseApplication();
    const [requests, events] = [await db.changeRequest.count(), await db.auditEvent.count()];
    const ok = await postApplication(token, { data }, {}, "?dryRun=true");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ valid: true });
    expect([await db.changeRequest.count(), await db.auditEvent.count()]).toEqual([requests, events]);
    expect((await postApplication(token, { data })).status).toBe(201);
    const duplicate = await postApplication(token, { data }, {}, "?dryRun=true");
    expect(duplicate.status).toBe(422);
    expect(await db.changeRequest.count()).toBe(requests + 1);
  });

  it("reads approved merchants masked, filtered and paginated, one merchant, a request's status, and posts a change", async () => {
    const { data, merchantId } = await approvedMerchant();
    const { token, clerkId } = await tokenFor();
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    const { GET: list } = await import("@/app/api/v1/merchants/route");
    const page = await list(new Request(`http://localhost/api/v1/merchants?merchantNo=${merchant.merchantNo}&limit=5`, { headers: bearer(token) }));
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).not.toContain(data.account.accountNo);
    const body = JSON.parse(text) as { items: { id: string; receivingAccount: { accountLast4: string } }[] };
    expect(body.items.map((m) => m.id)).toEqual([merchantId]);
    expect(body.items[0]!.receivingAccount.accountLast4).toBe(data.account.accountNo.slice(-4));
    const badLimit = await list(new Request("http://localhost/api/v1/merchants?limit=1000", { headers: bearer(token) }));
    expect(badLimit.status).toBe(422);

    const { GET: one } = await import("@/app/api/v1/merchants/[id]/route");
    const detail = await one(new Request("http://localhost/x", { headers: bearer(token) }), { params: Promise.resolve({ id: merchant.merchantNo! }) });
    expect(await detail.json()).toMatchObject({ id: merchantId, version: 1 });

    const { POST: change } = await import("@/app/api/v1/merchants/[id]/changes/route");
    const changeBody = { merchantVersion: 1, data: edited(data, (d) => (d.merchant.receiptName = "新招牌")) };
    const post = (query = "") =>
      change(new Request(`http://localhost/api/v1/merchants/${merchantId}/changes${query}`, { method: "POST", headers: bearer(token), body: JSON.stringify(changeBody) }), { params: Promise.resolve({ id: merchantId }) });
    expect((await post("?dryRun=true")).status).toBe(200);
    const created = await post();
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    expect(await db.changeRequest.findFirstOrThrow({ where: { reference } })).toMatchObject({ kind: "UPDATE", makerId: clerkId });
    expect((await post()).status).toBe(409);

    const { GET: status } = await import("@/app/api/v1/change-requests/[id]/route");
    const polled = await status(new Request("http://localhost/x", { headers: bearer(token) }), { params: Promise.resolve({ id: reference }) });
    expect(await polled.json()).toMatchObject({ reference, status: "AWAITING_VERIFICATION", kind: "UPDATE" });
  });
});

describe("cross-site protection", () => {
  it("a bearer call needs no Origin, while a cookie-less, token-less call is 401", async () => {
    const { POST } = await import("@/app/api/v1/applications/route");
    const anonymous = await POST(new Request("http://localhost/api/v1/applications", { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" }, body: "{}" }));
    expect(anonymous.status).toBe(401);
    const { token } = await tokenFor(["applications:write"]);
    const crossSite = await postApplication(token, { data: enterpriseApplication() }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(201);
    const malformedScheme = await POST(new Request("http://localhost/api/v1/applications", { method: "POST", headers: { authorization: `Basic ${token}`, "content-type": "application/json" }, body: "{}" }));
    expect(malformedScheme.status).toBe(401);
  });
});
