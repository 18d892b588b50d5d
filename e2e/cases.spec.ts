import type { Page } from "@playwright/test";
import { demoDocuments } from "../lib/domain/demo/demo-merchants";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { field, reKey, set, shot, signInForBlock } from "./workflow-helpers";

/**
 * Cases (SPEC §3.8, §3.10; issue 5 item 3, issue 6 item 5), on the demo cases seeded at start-up
 * (lib/server/demo/seed-demo-cases.ts): the auditor's spot-check discrepancy on the demo restaurant
 * reaches the clerks' work page; the clerk requests a change from it, clerk2 re-keys, the supervisor
 * approves and the case closes itself. Then the auditor works the cardholder report to closure.
 */

const RESTAURANT = demoDocuments("厦门思明示例餐饮管理有限公司");

test.describe.configure({ mode: "serial" });

test.describe("a spot-check discrepancy becomes the clerks' correction", () => {
  let clerk: Page, clerk2: Page, supervisor: Page, auditor: Page;
  signInForBlock({ clerk: (p) => (clerk = p), clerk2: (p) => (clerk2 = p), supervisor: (p) => (supervisor = p), auditor: (p) => (auditor = p) });
  const correctionRow = (page: Page) => page.getByTestId("correction-cases").locator("li").filter({ hasText: RESTAURANT.legalName });
  let changeRequestId = "";

  test("the correction case waits on the clerk's work page with what the auditor found", async () => {
    await clerk.goto("/my-work");
    const section = clerk.getByRole("region", { name: "抽查整改案件" });
    await expect(section).toBeVisible();
    await expect(correctionRow(clerk)).toContainText("小票上的商户简称与系统记录不一致");
    await expect(correctionRow(clerk)).toContainText(/CASE-\d{8}-[0-9A-F]{8}/);
    await expectNoSeriousA11yViolations(clerk, "/my-work with correction cases");
    await shot(clerk, "my-work-cases");
  });

  test("the clerk requests a change from the case; it carries the case and the case is in progress", async () => {
    await correctionRow(clerk).getByRole("link", { name: /提交变更/ }).click();
    await expectAt(clerk, /^\/merchants\/[^/]+\/change$/);
    await expect(clerk.getByTestId("correction-case")).toContainText(/整改案件 CASE-/);
    await expect(clerk.getByTestId("correction-case")).toContainText("小票上的商户简称与系统记录不一致");
    await set(clerk, "merchant.receiptName", "思明示例餐厅（中山路店）");
    await clerk.getByRole("button", { name: "提交变更" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: /变更申请 CR-\S+ 已提交，等待复核。/ })).toBeVisible();
    await expectAt(clerk, /^\/change-requests\/[^/]+$/);
    changeRequestId = new URL(clerk.url()).pathname.split("/").pop()!;

    await clerk.goto("/my-work");
    await expect(correctionRow(clerk).getByRole("link", { name: /变更 CR-\S+ 处理中/ })).toBeVisible();
    await expect(correctionRow(clerk).getByRole("link", { name: /提交变更/ })).toHaveCount(0);
  });

  test("re-keyed and approved, the change takes effect and the system closes the case", async () => {
    await clerk2.goto(`/verify/${changeRequestId}`);
    await reKey(clerk2, RESTAURANT);
    await expect(clerk2.getByRole("status").filter({ hasText: "复核一致，已提交审批" })).toBeVisible();
    await supervisor.goto(`/change-requests/${changeRequestId}`);
    for (const flag of await supervisor.getByRole("checkbox", { name: /我已核实此项/ }).all()) await flag.check();
    await supervisor.getByRole("button", { name: "批准", exact: true }).click();
    await expect(supervisor.getByRole("status").filter({ hasText: "已批准" })).toContainText("已生效");

    await clerk.goto("/my-work");
    await expect(correctionRow(clerk)).toHaveCount(0);

    await auditor.goto("/cases?kind=SPOT_CHECK_DISCREPANCY");
    const row = auditor.locator("tbody tr").filter({ hasText: RESTAURANT.legalName });
    await expect(row).toContainText("已结案");
    await row.getByRole("link", { name: /CASE-/ }).click();
    await expectAt(auditor, /^\/cases\/[^/]+$/);
    await expect(auditor.getByRole("region", { name: "案情" })).toContainText(/变更申请 CR-\S+ 生效后由系统自动结案。/);
    await expect(auditor.getByRole("region", { name: "关联记录" })).toContainText("已生效");
    await expect(auditor.getByTestId("case-history")).toContainText("随变更申请更新状态");
    await expect(auditor.getByRole("region", { name: "处理案件" })).toHaveCount(0);
  });

  test("clerks never open the auditors' case screens", async () => {
    await clerk.goto("/cases");
    await expectAt(clerk, "/forbidden");
  });
});

test.describe("an auditor works a cardholder report to closure", () => {
  let auditor: Page;
  signInForBlock({ auditor: (p) => (auditor = p) });
  const work = () => auditor.getByRole("region", { name: "处理案件" });
  /**
   * Leaving a corrected field re-validates it and its earlier error disappears, moving the button
   * up: blur first, as a keyboard user tabbing on would, then press the button.
   */
  async function fillAndBlur(region: ReturnType<Page["getByRole"]>, label: string, value: string) {
    await region.getByLabel(label).fill(value);
    await region.getByLabel(label).blur();
    await expect(region.getByRole("alert")).toHaveCount(0);
  }

  test("finds the open report by kind and opens it", async () => {
    await auditor.goto("/cases");
    await auditor.getByLabel("类型").selectOption({ label: "持卡人举报" });
    await auditor.getByLabel("状态").selectOption({ label: "待处理" });
    await auditor.getByRole("button", { name: "搜索" }).click();
    await expect(auditor).toHaveURL(/kind=CARDHOLDER_REPORT/);
    const row = auditor.locator("tbody tr").filter({ hasText: "35A10001" });
    await expect(row).toHaveCount(1);
    await expectNoSeriousA11yViolations(auditor, "/cases");
    await shot(auditor, "cases-list");
    await row.getByRole("link", { name: /CASE-/ }).click();
    await expectAt(auditor, /^\/cases\/[^/]+$/);
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText("待处理");
  });

  test("triage, a note and a terminal link, each refused first where the input is wrong", async () => {
    const triage = work().getByRole("region", { name: "分派" });
    await triage.getByLabel("优先级").selectOption({ label: "高" });
    await triage.getByLabel("负责人").selectOption({ label: "我（陈稽核）" });
    await triage.getByRole("button", { name: "分派" }).click();
    await expect(auditor.getByRole("status").filter({ hasText: "已分派。" })).toBeVisible();
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText("已分派");
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText("优先级：高");

    // Triaged, the priority can still change, on its own; a change of nothing is refused.
    const reassign = work().getByRole("region", { name: "改派或调整优先级" });
    await reassign.getByRole("button", { name: "改派或调整优先级" }).click();
    await expect(reassign.getByRole("alert")).toContainText("负责人和优先级都没有变化");
    await reassign.getByLabel("优先级").selectOption({ label: "普通" });
    await reassign.getByRole("button", { name: "改派或调整优先级" }).click();
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText("优先级：普通");

    const note = work().getByRole("region", { name: "添加备注" });
    await note.getByRole("button", { name: "添加备注" }).click();
    await expect(note.getByRole("alert")).toContainText("请填写备注");
    await fillAndBlur(note, "备注", "已致电持卡人，索取签购单照片；终端 35A10001 属福州鼓楼示例超市。");
    await note.getByRole("button", { name: "添加备注" }).click();
    await expect(auditor.getByRole("status").filter({ hasText: "已添加备注。" })).toBeVisible();
    await expect(auditor.getByTestId("case-notes")).toContainText("索取签购单照片");

    const link = work().getByRole("region", { name: "添加关联" });
    await link.getByLabel("终端号").fill("35A1");
    await link.getByRole("button", { name: "添加关联" }).click();
    await expect(link.getByRole("alert")).toContainText("终端号为 8 位字母或数字");
    await fillAndBlur(link, "终端号", "35A10001");
    await link.getByRole("button", { name: "添加关联" }).click();
    await expect(auditor.getByRole("status").filter({ hasText: "已保存关联。" })).toBeVisible();
    await expectNoSeriousA11yViolations(auditor, "/cases/[id]");
    await shot(auditor, "case-detail");
  });

  test("closing needs an outcome and a note; closed, the history shows every step", async () => {
    const close = work().getByRole("region", { name: "结案" });
    await close.getByRole("button", { name: "结案" }).click();
    await expect(close.getByRole("alert")).toContainText("请选择结案结论");
    await expect(close.getByRole("alert")).toContainText("请说明查明的情况和处理结果");
    await close.getByLabel("结案结论").focus();
    await close.getByLabel("结案结论").selectOption({ label: "未发现问题" });
    await close.getByLabel("结案结论").blur();
    await close.getByLabel("查明情况及处理").fill("签购单为另一家门店的终端打印，本商户记录无误。");
    await close.getByLabel("查明情况及处理").blur();
    await expect(close.getByRole("alert")).toHaveCount(0);
    await close.getByRole("button", { name: "结案" }).click();
    await expect(auditor.getByRole("status").filter({ hasText: "已结案。" })).toBeVisible();
    await expect(auditor.getByRole("heading", { level: 1 })).toContainText("已结案");
    await expect(work()).toHaveCount(0);
    const history = auditor.getByTestId("case-history");
    for (const step of ["立案", "分派", "添加备注", "关联记录", "结案"]) await expect(history).toContainText(step);
    await expect(auditor.getByRole("region", { name: "案情" })).toContainText("签购单为另一家门店的终端打印");
  });
});
