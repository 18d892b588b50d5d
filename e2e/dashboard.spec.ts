import type { Page } from "@playwright/test";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { application, digits, reKey, row, shot, signInForBlock, submitApplication } from "./workflow-helpers";

/**
 * The role-aware dashboard (SPEC §3.11) after real workflow activity: the clerk enters two
 * applications, clerk2 re-keys one wrongly and one correctly; the supervisor's and auditor's
 * dashboards move by exactly that. Specs share a database, so the test compares before and after.
 */

test.describe.configure({ mode: "serial" });

type Figures = { awaitingApproval: number; returned: number; clerkMismatch: [number, number] | null };

async function readFigures(page: Page): Promise<Figures> {
  await page.goto("/dashboard?period=30");
  await expect(page.getByRole("heading", { level: 1, name: "运营看板" })).toBeVisible();
  const total = async (status: string) => Number(await page.locator(`tr[data-queue="${status}"] [data-testid="queue-total"]`).textContent());
  const cell = page.locator('tr[data-clerk="clerk"] td[data-rate="mismatchRate"]');
  const match = /（(\d+)\/(\d+)）/.exec((await cell.textContent()) ?? "");
  return { awaitingApproval: await total("AWAITING_APPROVAL"), returned: await total("RETURNED"), clerkMismatch: match ? [Number(match[1]), Number(match[2])] : null };
}

test.describe("dashboard", () => {
  let clerk: Page, clerk2: Page, supervisor: Page, auditor: Page;
  let before: Figures;
  signInForBlock({ clerk: (p) => (clerk = p), clerk2: (p) => (clerk2 = p), supervisor: (p) => (supervisor = p), auditor: (p) => (auditor = p) });

  test("clerks cannot open it; supervisors and auditors find it right after home", async () => {
    await clerk.goto("/dashboard");
    await expectAt(clerk, "/forbidden");
    const nav = supervisor.getByRole("navigation", { name: "主导航" });
    await supervisor.goto("/");
    await expect(nav.getByRole("link").nth(1)).toHaveText(/运营看板/);
    before = await readFigures(supervisor);
  });

  test("after a wrong and a right re-key, the supervisor's queues and the clerk's mismatch rate move by exactly that", async () => {
    test.setTimeout(120_000);
    const wrong = application("1000");
    const right = application("1000");
    const refs = [await submitApplication(clerk, wrong), await submitApplication(clerk, right)];
    await clerk2.goto("/verify");
    const ids = await Promise.all(refs.map(async (r) => (await row(clerk2, r).getByRole("link").getAttribute("href"))!.split("/").pop()!));
    await clerk2.goto(`/verify/${ids[0]}`);
    await reKey(clerk2, wrong, { accountNo: `1100${digits(15)}` });
    await expect(clerk2.getByRole("status").filter({ hasText: "以下字段不一致" })).toBeVisible();
    await clerk2.goto(`/verify/${ids[1]}`);
    await reKey(clerk2, right);
    await expect(clerk2.getByRole("status").filter({ hasText: "复核一致，已提交审批" })).toBeVisible();

    const after = await readFigures(supervisor);
    expect(after.awaitingApproval).toBe(before.awaitingApproval + 1);
    expect(after.returned).toBe(before.returned + 1);
    const [n0, d0] = before.clerkMismatch ?? [0, 0];
    expect(after.clerkMismatch).toEqual([n0 + 1, d0 + 2]);

    // Supervisors see queues, flags, quality and pairs; campaigns and cases are the auditors' work.
    for (const heading of ["队列与等待时长", "未处理的风险提示", "录入员质量", "频率远高于随机的录入—复核搭档"]) {
      await expect(supervisor.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(supervisor.getByRole("heading", { name: "进行中的抽查任务" })).toHaveCount(0);
    await expect(supervisor.getByRole("heading", { name: "未结案件" })).toHaveCount(0);
    await expect(supervisor.getByTestId("pairs-summary")).toContainText(/共检验 \d+ 对搭档|没有录入—复核搭档/);
    // Each chart has a text alternative naming the table with the same figures.
    await expect(supervisor.getByRole("img", { name: /堆叠条形图/ })).toBeVisible();
    await expect(supervisor.getByRole("img", { name: /分组柱状图/ })).toBeVisible();
    await expect(supervisor.locator(".recharts-surface").first()).toBeVisible();
    await expectNoSeriousA11yViolations(supervisor, "/dashboard");
    await shot(supervisor, "dashboard");
  });

  test("the per-clerk table sorts by a chosen column and the period filter keeps it", async () => {
    await supervisor.goto("/dashboard?period=30");
    await supervisor.getByRole("link", { name: "按录入笔数排序，从高到低" }).click();
    await expect(supervisor).toHaveURL(/sort=entries/);
    await expect(supervisor.getByRole("columnheader", { name: /录入笔数/ })).toHaveAttribute("aria-sort", "descending");
    const entries = await supervisor.locator('section[aria-labelledby="quality"] tbody tr td:nth-child(2)').allTextContents();
    const numbers = entries.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await supervisor.getByLabel("统计期间").selectOption("365");
    await supervisor.getByRole("button", { name: "查看" }).click();
    await expect(supervisor).toHaveURL(/period=365/);
    await expect(supervisor).toHaveURL(/sort=entries/);
    await expect(supervisor.getByLabel("统计期间")).toHaveValue("365");
  });

  test("the auditor also sees campaign progress and open cases", async () => {
    const figures = await readFigures(auditor);
    expect(figures.awaitingApproval).toBe(before.awaitingApproval + 1);
    await expect(auditor.getByRole("heading", { level: 2, name: "进行中的抽查任务" })).toBeVisible();
    await expect(auditor.getByRole("heading", { level: 2, name: "未结案件" })).toBeVisible();
    await expect(auditor.getByRole("link", { name: "查看未结案件" })).toHaveAttribute("href", "/cases?status=OPEN");
    await expectNoSeriousA11yViolations(auditor, "/dashboard (auditor)");
    await shot(auditor, "dashboard-auditor");
  });

  test("the clerk's home page shows their own counts", async () => {
    await clerk.goto("/");
    const mine = clerk.getByRole("region", { name: "我当前的工作" });
    await expect(mine.locator('[data-count="returned"]')).toContainText("退回给我的");
    expect(Number(await mine.locator('[data-count="returned"] span').first().textContent())).toBeGreaterThanOrEqual(1);
  });
});
