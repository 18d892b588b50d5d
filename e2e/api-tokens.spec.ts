import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { application, row, shot, signInForBlock } from "./workflow-helpers";

/**
 * Issue 7 item 6: an administrator creates an API token in the UI (shown once), an integration
 * submits an application with it, the application waits in another clerk's verification queue,
 * and once the token is revoked the same call is refused.
 */
test.describe.configure({ mode: "serial" });

test.describe("API tokens", () => {
  let admin: Page, clerk2: Page;
  let token = "";
  let reference = "";
  const name = `对接门户 ${Date.now()}`;
  signInForBlock({ admin: (p) => (admin = p), clerk2: (p) => (clerk2 = p) });

  const body = () => {
    const v = application("1000");
    return {
      data: {
        merchant: {
          type: "ENTERPRISE", legalName: v.legalName, receiptName: "接口商贸", creditCode: v.creditCode, legalRepName: "林接口", legalRepId: v.legalRepId,
          phone: v.phone, mcc: "5411", divisionCode: "110101", street: "东长安街 2 号",
        },
        account: { accountType: "CORPORATE", accountName: v.legalName, accountNo: v.accountNo, bankCode: "102", branchName: "中国工商银行北京东城支行", cnaps: v.cnaps, thirdPartyAuthRef: "", thirdPartyAuthDate: "" },
        terminals: [{ terminalId: v.terminalId, serialNo: v.serialNo, installAddress: "东长安街 2 号收银台" }],
      },
    };
  };

  test("the create form shows every error at once, then the token exactly once", async () => {
    await admin.goto("/admin/api-tokens/new");
    await admin.getByLabel("名称").fill("x");
    await admin.getByRole("button", { name: "创建令牌" }).click();
    const summary = admin.getByRole("alert").first();
    await expect(summary).toContainText("3 至 80 个字符");
    await expect(summary).toContainText("至少选择一个权限范围");
    await expect(summary).toContainText("在职录入员");

    await admin.getByLabel("名称").fill(name);
    const clerkOption = admin.locator("#actingUserId option", { hasText: "(clerk)" });
    await admin.locator("#actingUserId").selectOption(await clerkOption.getAttribute("value"));
    await admin.getByRole("checkbox", { name: /applications:write/ }).check();
    await admin.getByRole("checkbox", { name: /change-requests:read/ }).check();
    await admin.getByRole("button", { name: "创建令牌" }).click();
    await expect(admin.getByRole("heading", { name: `已创建令牌“${name}”` })).toBeFocused();
    token = await admin.getByLabel("新令牌").inputValue();
    expect(token).toMatch(/^pg_live_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await expectNoSeriousA11yViolations(admin);

    // Gone once the admin leaves: the list shows only the prefix.
    await admin.getByRole("link", { name: "完成，返回列表" }).click();
    const listed = admin.locator("tr", { hasText: name });
    await expect(listed).toContainText(token.slice(0, 20));
    await expect(admin.locator("body")).not.toContainText(token);
    await expectNoSeriousA11yViolations(admin);
    await shot(admin, "api-tokens");
  });

  test("a request with the token creates an application that waits in another clerk's verification queue", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const response = await api.post("/api/v1/applications", {
      headers: { authorization: `Bearer ${token}`, "idempotency-key": `e2e-${Date.now()}` },
      data: body(),
    });
    expect(response.status(), await response.text()).toBe(201);
    reference = ((await response.json()) as { reference: string }).reference;
    const status = await api.get(`/api/v1/change-requests/${reference}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await status.json()).toMatchObject({ reference, status: "AWAITING_VERIFICATION" });
    // No ambient credential, so no cross-site check: a bearer call from anywhere is judged by its token.
    const crossSite = await api.post("/api/v1/applications?dryRun=true", {
      headers: { authorization: `Bearer ${token}`, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      data: body(),
    });
    expect(crossSite.status(), await crossSite.text()).toBe(200);
    // Reading merchants is outside this token's scopes.
    expect((await api.get("/api/v1/merchants", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);
    // A token is no session: the verification screens stay closed to it.
    const verify = await api.get("/verify", { headers: { authorization: `Bearer ${token}` }, maxRedirects: 0 });
    expect(verify.status()).toBeGreaterThanOrEqual(300);
    expect(verify.status()).toBeLessThan(400);
    await api.dispose();

    await clerk2.goto("/verify");
    await expect(row(clerk2, reference)).toBeVisible();
  });

  test("revoked after confirmation, the token is refused with 401", async ({ playwright, baseURL }) => {
    await admin.goto(`/admin/api-tokens?q=${encodeURIComponent(name)}`);
    await admin.getByRole("button", { name: `吊销令牌 ${name}` }).click();
    const dialog = admin.getByRole("dialog");
    await expect(dialog).toContainText("此操作不可撤销");
    await dialog.getByRole("button", { name: "吊销令牌" }).click();
    await expect(admin.locator("tr", { hasText: name })).toContainText("已吊销");

    const api = await playwright.request.newContext({ baseURL });
    const refused = await api.post("/api/v1/applications", { headers: { authorization: `Bearer ${token}` }, data: body() });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
    await api.dispose();

  });

  test("the API documentation lists every operation and links the OpenAPI document", async ({ playwright, baseURL }) => {
    await admin.goto("/api-docs");
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("API 文档");
    for (const path of ["/api/v1/applications", "/api/v1/merchants/{id}/changes", "/api/v1/merchants", "/api/v1/change-requests/{id}"]) {
      await expect(admin.getByRole("heading", { level: 3, name: new RegExp(path.replace(/[{}/]/g, "\\$&")) }).first()).toBeVisible();
    }
    await expectNoSeriousA11yViolations(admin);
    await shot(admin, "api-docs");
    const api = await playwright.request.newContext({ baseURL });
    const document = await api.get("/api/v1/openapi.json");
    expect((await document.json()).openapi).toBe("3.1.0");
    await api.dispose();
  });
});
