import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signedInPage, signIn, test, uniqueName } from "./fixtures";
import { shot } from "./workflow-helpers";

/**
 * The auditor's trail (SPEC §3.8): failed sign-ins one click away, an event's before/after,
 * a CSV export that is itself audited, and the chain verified on demand.
 */

test.describe.configure({ mode: "serial" });

test.describe("audit trail", () => {
  let auditor: Page;
  let context: BrowserContext;
  const stranger = uniqueName("nobody");

  test.beforeAll(async ({ browser }) => {
    ({ context, page: auditor } = await signedInPage(browser, "auditor"));
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("a failed sign-in shows under the quick filter, with its detail", async ({ browser }) => {
    const other = await browser.newContext();
    await signIn(await other.newPage(), stranger, "Wrong-password-1", { expectPath: null });
    await other.close();

    await auditor.goto("/audit");
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText(/审计日志|Audit trail/);
    await auditor.getByRole("link", { name: /登录失败|Failed sign-ins/ }).click();
    await expect(auditor).toHaveURL(/preset=failedSignIns/);
    const row = auditor.locator('tr[data-action="auth.sign-in-failed"]').first();
    await expect(row).toBeVisible();
    await expectNoSeriousA11yViolations(auditor);
    await shot(auditor, "audit-trail");

    await row.getByRole("link").click();
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText(/审计事件 #\d+|Audit event #\d+/);
    await expect(auditor.getByRole("cell", { name: stranger })).toBeVisible();
    await expect(auditor.getByRole("cell", { name: "bad-password" }).or(auditor.getByRole("cell", { name: "unknown-user" }))).toBeVisible();
    await expectNoSeriousA11yViolations(auditor);
  });

  test("filters by actor and action; the export downloads that slice and is audited", async () => {
    await auditor.goto("/audit");
    await auditor.getByLabel(/操作人|Actor/).fill("auditor");
    await auditor.getByLabel(/^操作$|^Action$/).selectOption("auth.sign-in");
    await auditor.getByRole("button", { name: /搜索|Search/ }).click();
    await expect(auditor).toHaveURL(/actor=auditor/);
    const rows = auditor.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")))) expect(action).toBe("auth.sign-in");

    const download = auditor.waitForEvent("download");
    await auditor.getByRole("link", { name: /导出 CSV|Export CSV/ }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("seq,at,actor,action");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(",auditor,auth.sign-in,"))).toBe(true);

    await auditor.goto("/audit?action=audit.exported");
    await expect(auditor.locator('tr[data-action="audit.exported"]').first()).toBeVisible();
  });

  test("the chain is verified on demand and a checkpoint is written", async () => {
    await auditor.goto("/audit/verify");
    await auditor.getByRole("button", { name: /立即校验|Verify now/ }).click();
    await expect(auditor.getByTestId("verify-outcome")).toHaveText(/日志链完好|The chain is intact/);
    await expect(auditor.getByTestId("last-checkpoint")).toBeVisible();
    await expectNoSeriousA11yViolations(auditor);
  });
});
