import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { attributeSampleSize } from "../lib/domain/sampling";
import { expect, expectNoSeriousA11yViolations, signedInPage, tabTo, test } from "./fixtures";
import { shot } from "./workflow-helpers";

/**
 * Spot checks (SPEC §3.8): an auditor draws a computed-size campaign over the demo merchants
 * (all in Fujian, region 35), works every item — one discrepancy, the rest confirmed — and reads
 * the report with its Wilson interval; the exports download.
 */

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.describe("spot-check campaign", () => {
  let auditor: Page;
  let context: BrowserContext;
  let reference = "";
  let campaignUrl = "";
  let sampleSize = 0;

  test.beforeAll(async ({ browser }) => {
    ({ context, page: auditor } = await signedInPage(browser, "auditor"));
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("the auditor creates a campaign whose size is computed live from the confidence and error rates", async () => {
    await auditor.goto("/spot-checks");
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText("抽查活动");
    await auditor.getByRole("link", { name: "新建抽查活动" }).click();
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText("新建抽查活动");

    // Submitting empty shows every problem in the summary and at the field.
    await auditor.getByRole("button", { name: "抽取样本并创建活动" }).click();
    const summary = auditor.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: /活动名称/ })).toBeVisible();

    await auditor.getByLabel("活动名称", { exact: true }).fill("四季度福建商户账户抽查");
    await auditor.getByLabel("行政区划代码开头", { exact: true }).fill("35");
    const population = auditor.getByTestId("population-size");
    await expect(population).toHaveText(/共有 \d+ 户/);
    const populationSize = Number(/共有 (\d+) 户/.exec((await population.textContent()) ?? "")![1]);
    expect(populationSize).toBeGreaterThanOrEqual(3);

    // 95 % confidence, 40 % tolerable, 0 % expected: a handful of records for the demo population.
    await auditor.getByLabel("置信水平", { exact: true }).selectOption("0.95");
    await auditor.getByLabel("可容忍差错率（%）", { exact: true }).fill("40");
    await auditor.getByLabel("预期差错率（%）", { exact: true }).fill("0");
    const expected = attributeSampleSize({ confidence: 0.95, tolerableRate: 0.4, expectedRate: 0, populationSize });
    if (!expected.ok) throw new Error("demo population too small for the chosen rates");
    sampleSize = expected.sampleSize;
    const preview = auditor.getByTestId("sample-size");
    await expect(preview).toContainText(`计算得出的样本量：n = ${sampleSize}`);
    await expect(preview).toContainText("超几何分布");
    await expect(preview).toContainText(`总体（N）${populationSize}`);

    // An expected rate not below the tolerable one is refused in the browser, at the field.
    await auditor.getByLabel("预期差错率（%）", { exact: true }).fill("45");
    await auditor.getByRole("button", { name: "抽取样本并创建活动" }).click();
    await expect(summary.getByRole("link", { name: /预期差错率/ })).toBeVisible();
    await auditor.getByLabel("预期差错率（%）", { exact: true }).fill("0");
    // The correction clears the message at once.
    await expect(summary).toHaveCount(0);

    await auditor.getByRole("radio", { name: /^按风险加权/ }).check();
    await auditor.getByRole("radio", { name: /^带种子的简单随机/ }).check();
    await auditor.getByLabel("随机种子（可选）", { exact: true }).fill("fujian-q4");
    await expect(auditor.getByRole("checkbox", { name: /陈稽核/ })).toBeChecked();
    await expectNoSeriousA11yViolations(auditor);
    await shot(auditor, "campaign-new");

    await auditor.getByRole("button", { name: "抽取样本并创建活动" }).click();
    await expect(auditor).toHaveURL(/\/spot-checks\/[0-9a-f-]{36}\?created=1$/);
    const banner = auditor.getByRole("status").filter({ hasText: "已创建抽查活动" });
    await expect(banner).toContainText(`抽取了 ${sampleSize} 条，随机种子为 fujian-q4`);
    reference = /SC-\d{8}-[0-9A-F]{8}/.exec((await banner.textContent()) ?? "")![0];
    campaignUrl = new URL(auditor.url()).pathname;
    await expect(auditor.getByTestId("campaign-seed")).toHaveText("fujian-q4");
    await expect(auditor.getByText("尚无结果")).toBeVisible();

    await auditor.goto(`/spot-checks?q=${reference}`);
    await expect(auditor.locator(`tr[data-reference="${reference}"]`)).toContainText(`已完成 0 / ${sampleSize}`);
  });

  test("the auditor works the items: a confirmation needs every box, one discrepancy, the rest confirmed by keyboard", async () => {
    await auditor.goto("/spot-checks/mine");
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText("我的抽查");
    const rows = auditor.locator("tbody tr").filter({ hasText: reference });
    await expect(rows).toHaveCount(sampleSize);

    for (let n = 0; n < sampleSize; n++) {
      await auditor.goto("/spot-checks/mine");
      await auditor.locator("tbody tr").filter({ hasText: reference }).first().getByRole("link").click();
      await expect(auditor.getByRole("heading", { level: 1 })).toHaveText(/^抽查核实：/);
      await expect(auditor.getByRole("heading", { name: "现行的已审批记录" })).toBeVisible();
      await expect(auditor.getByRole("heading", { name: "原始资料" })).toBeVisible();
      await expect(auditor.getByText(/^•••• \d{4}$/).first()).toBeVisible();

      if (n === 0) {
        // The full account number costs a reason and is audited, as on the merchant screen.
        const account = auditor.getByRole("region", { name: "现行收款账户" });
        const last4 = (await account.locator("[data-account-status=IN_FORCE] .font-mono").first().innerText()).replace(/\D/g, "");
        await account.getByRole("button", { name: `查看完整账号（尾号 ${last4}）` }).click();
        const dialog = auditor.getByRole("dialog", { name: `查看完整账号（尾号 ${last4}）` });
        await dialog.getByRole("textbox", { name: "查看理由" }).fill("抽查核对开户许可证上的账号");
        await dialog.getByRole("button", { name: "查看", exact: true }).click();
        await expect(dialog.getByTestId("unmasked-account-no")).toHaveText(new RegExp(`${last4.split("").join(" ?")}$`));
        await dialog.getByRole("button", { name: "关闭" }).click();
        await expect(dialog).toBeHidden();

        // Confirmed with a box unticked is refused by the shared schema.
        await auditor.getByLabel("已核实账户持有人", { exact: true }).check();
        await auditor.getByLabel("核实无误", { exact: true }).check();
        await auditor.getByRole("button", { name: "记录结果" }).click();
        const summary = auditor.getByRole("alert").filter({ hasText: "提交失败" });
        await expect(summary).toContainText("须勾选全部核查项");
        await expectNoSeriousA11yViolations(auditor);

        await auditor.getByLabel("发现差异", { exact: true }).check();
        await auditor.getByLabel("说明", { exact: true }).fill("商户出示的开户许可证账号与系统记录不一致");
        await expect(summary).toHaveCount(0);
        await shot(auditor, "spot-check-item");
        await auditor.getByRole("button", { name: "记录结果" }).click();
        const recorded = auditor.getByRole("status").filter({ hasText: "已记录：发现差异。" });
        await expect(recorded).toBeFocused();
        // The discrepancy opened a correction case, and it reaches the clerks' work page.
        const caseReference = /更正案件 (CASE-[\w-]+)/.exec((await recorded.textContent()) ?? "")?.[1];
        expect(caseReference).toBeTruthy();
        const clerk = await signedInPage(auditor.context().browser()!, "clerk");
        await clerk.page.goto("/my-work");
        await expect(clerk.page.getByTestId("correction-cases").locator(`li[data-reference="${caseReference}"]`)).toBeVisible();
        await clerk.context.close();
        continue;
      }

      // Keyboard only: tab to each box, tick it with Space, pick the outcome, submit with Enter.
      for (const box of ["已核实账户持有人", "账号与资料一致", "终端在登记地址", "联系人可以联系上"]) {
        await tabTo(auditor, auditor.getByLabel(box, { exact: true }));
        await auditor.keyboard.press("Space");
      }
      await tabTo(auditor, auditor.getByLabel("核实无误", { exact: true }));
      await auditor.keyboard.press("Space");
      await expect(auditor.getByLabel("核实无误", { exact: true })).toBeChecked();
      await tabTo(auditor, auditor.getByRole("button", { name: "记录结果" }));
      await auditor.keyboard.press("Enter");
      await expect(auditor.getByRole("status").filter({ hasText: "已记录：核实无误。" })).toBeVisible();
    }
    await auditor.goto("/spot-checks/mine");
    await expect(auditor.locator("tbody tr").filter({ hasText: reference })).toHaveCount(0);
  });

  test("the report shows progress, the Wilson interval, the breakdowns, and exports CSV and Excel", async () => {
    await auditor.goto(campaignUrl);
    await expect(auditor.getByRole("heading", { level: 1 })).toHaveText("四季度福建商户账户抽查");
    await expect(auditor.getByText(`已完成 ${sampleSize} / ${sampleSize}`).first()).toBeVisible();
    const rate = auditor.getByTestId("error-rate");
    await expect(rate).toContainText(`已核查 ${sampleSize} 条，其中差异 1 条`);
    await expect(auditor.getByTestId("wilson-interval")).toHaveText(/95% 置信区间（Wilson）：\d+(\.\d)?% – \d+(\.\d)?%/);
    await expect(rate).toContainText("有 95% 的把握");
    await expect(rate).toContainText("推算的总体差错率");
    await expect(auditor.getByRole("heading", { name: "按录入员" })).toBeVisible();
    await expect(auditor.getByRole("table", { name: "按 MCC" })).toBeVisible();
    await expect(auditor.locator("tr[data-item]")).toHaveCount(sampleSize);
    await expectNoSeriousA11yViolations(auditor);
    await shot(auditor, "campaign-report");

    const csv = auditor.waitForEvent("download");
    await auditor.getByRole("link", { name: "导出 CSV" }).click();
    const csvText = fs.readFileSync(await (await csv).path(), "utf8");
    expect(csvText).toContain(reference);
    expect(csvText).toContain("DISCREPANCY");

    const xlsx = auditor.waitForEvent("download");
    await auditor.getByRole("link", { name: "导出 Excel（.xlsx）" }).click();
    const file = await xlsx;
    expect(file.suggestedFilename()).toBe(`${reference}.xlsx`);
    // An .xlsx is a zip: it starts with "PK".
    expect(fs.readFileSync(await file.path()).subarray(0, 2).toString()).toBe("PK");

    // Closing asks first, then the campaign reads as closed.
    await auditor.getByRole("button", { name: "结束活动" }).click();
    const dialog = auditor.getByRole("dialog", { name: "结束这个抽查活动？" });
    await dialog.getByRole("button", { name: "结束活动" }).click();
    await expect(auditor.getByText("已结束").first()).toBeVisible();
    await expect(auditor.getByRole("button", { name: "结束活动" })).toHaveCount(0);
  });

  test("a monthly schedule: day of the month instead of a period, listed with its state, paused and resumed", async () => {
    await auditor.goto("/spot-checks/new");
    await auditor.getByLabel("每月一次").check();
    await expect(auditor.getByLabel("期间开始", { exact: true })).toHaveCount(0);
    await auditor.getByLabel("活动名称", { exact: true }).fill("福建商户月度账户核对");
    await auditor.getByLabel("每月日期", { exact: true }).fill("31");
    // The population's count arrives from the server and the sample-size preview grows above the
    // button: a click while it grows lands where the button was (seen once under CI load).
    await expect(auditor.getByTestId("population-size")).toHaveText(/共有 \d+ 户/);
    await auditor.getByRole("button", { name: "创建每月抽查计划" }).click();
    const summary = auditor.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary.getByRole("link", { name: /1 到 28 日之间/ })).toBeVisible();
    await auditor.getByLabel("每月日期", { exact: true }).fill("5");
    await auditor.getByLabel("行政区划代码开头", { exact: true }).fill("35");
    await auditor.getByLabel("固定数量").check();
    await auditor.getByLabel("样本量（条）", { exact: true }).fill("2");
    await auditor.getByRole("button", { name: "创建每月抽查计划" }).click();
    await expect(auditor).toHaveURL(/\/spot-checks\?scheduled=SCS-/);
    const row = auditor.getByRole("table", { name: "每月抽查计划" }).locator("tr", { hasText: "福建商户月度账户核对" });
    await expect(row).toContainText("每月 5 日");
    await expect(row).toContainText("运行中");
    await row.getByRole("button", { name: "暂停" }).click();
    await expect(row).toContainText("已暂停");
    await row.getByRole("button", { name: "恢复" }).click();
    await expect(row).toContainText("运行中");
  });
});
