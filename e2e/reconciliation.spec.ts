import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { rowPlanner, seededRandom, type GeneratorBinding } from "../lib/domain/reconciliation/generate";
import { findingKindOf, FINDING_KINDS } from "../lib/domain/reconciliation/schemas";
import { writeTransactionFile } from "../scripts/transaction-file-writer";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { shot, signInForBlock } from "./workflow-helpers";

/**
 * Reconciliation (SPEC §3.9; issue 6 items 2–3): the auditor uploads a file generated against the
 * demo supermarket's and hair salon's records with planted mismatches, watches it run, finds exactly
 * the planted ones and opens a case from one finding. A file with a card number is refused whole.
 */

// Two demo merchants no other spec changes (lib/server/demo/seed-demo-merchants.ts): their terminals,
// receipt names and the last 4 of their corporate accounts.
const DEMO = [
  { legalName: "福州鼓楼示例超市有限公司", receiptName: "鼓楼示例超市", last4: "8123", terminals: ["35A10001", "35A10002"] },
  { legalName: "泉州丰泽示例美发店", receiptName: "丰泽示例美发", last4: "0505", terminals: ["35E50001"] },
];

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.describe("reconciliation", () => {
  let auditor: Page;
  signInForBlock({ auditor: (p) => (auditor = p) });
  let planted: { kind: string }[] = [];
  let file = "";

  test("a file is generated against the records in force, with planted mismatches", async () => {
    await auditor.goto("/merchants");
    const bindings: GeneratorBinding[] = [];
    const since = new Date();
    for (const m of DEMO) {
      const merchantNo = await auditor.locator("tbody tr").filter({ hasText: m.legalName }).first().getAttribute("data-merchant-no");
      expect(merchantNo).toMatch(/^[0-9A-Z]{15}$/);
      for (const terminalId of m.terminals) bindings.push({ terminalId, merchantNo: merchantNo!, payeeName: m.receiptName, accountLast4: m.last4, boundFrom: since, boundTo: null, factsSince: since });
    }
    await auditor.waitForTimeout(3000); // transactions fall between `since` and now
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "recon-e2e-")), "收单交易-2026-11.csv");
    const plan = rowPlanner(bindings, { mismatchRate: 0.05, now: new Date(), random: seededRandom(5) });
    await writeTransactionFile(plan, { out: file, rows: 400, encoding: "gb18030", header: {} });
    planted = (JSON.parse(fs.readFileSync(`${file}.mismatches.json`, "utf8")) as { planted: { kind: string }[] }).planted;
    expect(planted.length).toBeGreaterThan(5);
  });

  test("the auditor uploads it, sees the progress and exactly the planted mismatches", async () => {
    await auditor.goto("/reconciliation");
    await expect(auditor.getByRole("heading", { level: 1, name: "交易对账" })).toBeVisible();
    // Nothing chosen: the form says so instead of sending.
    await auditor.getByRole("button", { name: "上传并对账" }).click();
    await expect(auditor.getByRole("alert").filter({ hasText: "请选择要上传的交易文件。" })).toBeVisible();
    await auditor.getByLabel("交易文件").setInputFiles(file);
    await auditor.getByRole("button", { name: "上传并对账" }).click();
    await expectAt(auditor, /^\/reconciliation\/[^/]+$/);
    await expect(auditor.getByRole("progressbar", { name: "已比对行数" })).toBeVisible();
    await expect(auditor.getByRole("heading", { name: new RegExp(`（${planted.length} 行不一致）`) })).toBeVisible({ timeout: 60_000 });
    await expect(auditor.getByText("400 = 接受 400 + 拒收 0")).toBeVisible();
    await expect(auditor.getByText("gb18030")).toBeVisible();
    for (const kind of FINDING_KINDS) {
      const rows = planted.filter((p) => findingKindOf(p.kind) === kind).length;
      if (rows > 0) await expect(auditor.getByRole("link", { name: new RegExp(`项，${rows} 行`) }).filter({ hasText: kindLabel[kind] })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(auditor, "/reconciliation/[id]");
    await shot(auditor, "reconciliation-run");
    await auditor.goto("/reconciliation");
    await shot(auditor, "reconciliation-upload");
    await auditor.goBack();
  });

  test("findings are grouped by terminal and merchant; a case opens from one", async () => {
    await auditor.getByRole("link", { name: "查看全部发现" }).click();
    await expectAt(auditor, /^\/reconciliation\/[^/]+\/findings$/);
    const table = auditor.getByRole("table", { name: "对账发现" });
    const rowsOf = async () => (await table.locator("tbody tr td:nth-child(4)").allInnerTexts()).reduce((n, s) => n + Number(s.replace(/\D/g, "")), 0);
    expect(await rowsOf()).toBe(planted.length);
    await expectNoSeriousA11yViolations(auditor, "/reconciliation/[id]/findings");
    await shot(auditor, "reconciliation-findings");

    await auditor.getByLabel("类型").selectOption("TERMINAL_BOUND_TO_OTHER_MERCHANT");
    await auditor.getByRole("button", { name: "搜索" }).click();
    const first = table.locator("tbody tr").first();
    await expect(first).toContainText("终端绑定的是其他商户");
    const terminal = (await first.getAttribute("data-terminal"))!;
    await first.getByRole("button", { name: `为终端 ${terminal} 开立案件` }).click();
    await expectAt(auditor, /^\/cases\/[^/]+$/);
    await expect(auditor.getByText(/对账发现（RECON-\d{8}-[0-9A-F]{6}）：终端/)).toBeVisible();
    await shot(auditor, "reconciliation-case");
  });

  test("a file holding a card number is refused whole, with the line and column", async () => {
    const lines = fs.readFileSync(file).toString("latin1").trimEnd().split("\r\n").slice(0, 4);
    lines.push(lines[1]!.replace(/,[^,]*$/, ",6228480402564890018"));
    const bad = path.join(path.dirname(file), "with-card.csv");
    fs.writeFileSync(bad, Buffer.from(lines.join("\r\n") + "\r\n", "latin1"));
    await auditor.goto("/reconciliation");
    await auditor.getByLabel("交易文件").setInputFiles(bad);
    await auditor.getByRole("button", { name: "上传并对账" }).click();
    await expectAt(auditor, /^\/reconciliation\/[^/]+$/);
    await expect(auditor.getByRole("alert").filter({ hasText: "文件已被拒收" })).toContainText(/第 5 行/, { timeout: 30_000 });
    await shot(auditor, "reconciliation-refused");
  });
});

const kindLabel: Record<string, string> = {
  UNKNOWN_TERMINAL: "终端未登记",
  TERMINAL_BOUND_TO_OTHER_MERCHANT: "终端绑定的是其他商户",
  PAYEE_DIFFERS: "收款方名称与核准名称不符",
  ACCOUNT_DIFFERS: "结算账户与生效账户不符",
  OUTSIDE_BINDING_PERIOD: "终端在绑定期之外使用",
};
