import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { cnapsCheckDigit, orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from "../lib/domain/validation";
import { expect, signedInPage, test, type DemoUsername } from "./fixtures";

/**
 * Entering and re-keying applications through the UI, shared by the workflow specs. Every
 * application gets its own identifiers, so specs run on a database other specs share.
 */

const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join("");
export const digits = (n: number) => pick("0123456789", n);
function creditCode() {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (;;) {
    const org = pick(chars, 8);
    const check = orgCodeCheckChar(org);
    if (!check || !chars.includes(check)) continue;
    const body = `91110101${org}${check}`;
    return body + usccCheckChar(body)!;
  }
}
const residentId = (body = `110101198${digits(1)}0${1 + Math.floor(Math.random() * 9)}1${digits(1)}${digits(3)}`) => body + residentIdCheckChar(body)!;
/** Area 1000 is Beijing like the address; 3910 (Fujian) raises the low BANK_AREA_MISMATCH flag. */
const cnaps = (area: "1000" | "3910", body = `102${area}${digits(4)}`) => body + cnapsCheckDigit(body)!;

export type Application = ReturnType<typeof application>;
export function application(area: "1000" | "3910") {
  return {
    legalName: `北京${pick("甲乙丙丁戊己庚辛壬癸", 4)}商贸有限公司`, creditCode: creditCode(), phone: `138${digits(8)}`, legalRepId: residentId(),
    accountNo: `1100${digits(15)}`, cnaps: cnaps(area), terminalId: pick("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 8), serialNo: `SN-${pick("0123456789ABCDEF", 10)}`,
  };
}

export const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);
export async function set(page: Page, path: string, value: string) {
  await field(page, path).fill(value);
  await field(page, path).blur();
}

/** Enters and submits a whole enterprise application as the clerk; returns its reference. */
export async function submitApplication(page: Page, v: Application) {
  await page.goto("/applications/new");
  await expect(field(page, "merchant.divisionCode")).toBeEnabled();
  const values: [string, string][] = [
    ["merchant.legalName", v.legalName], ["merchant.receiptName", "示例商贸"], ["merchant.creditCode", v.creditCode], ["merchant.phone", v.phone],
    ["merchant.legalRepName", "林示例"], ["merchant.legalRepId", v.legalRepId], ["merchant.divisionCode-code", "110101"], ["merchant.street", "东长安街 1 号"],
    ["account.accountName", v.legalName], ["account.accountNo", v.accountNo], ["account.branchName", "中国工商银行北京东城支行"], ["account.cnaps", v.cnaps],
    ["terminals.0.terminalId", v.terminalId], ["terminals.0.serialNo", v.serialNo], ["terminals.0.installAddress", "东长安街 1 号收银台"],
  ];
  await field(page, "merchant.mcc").selectOption("5411");
  await field(page, "account.bankCode").selectOption("102");
  for (const [path, value] of values) await set(page, path, value);
  await page.getByRole("button", { name: "提交申请" }).click();
  const toast = page.getByRole("status").filter({ hasText: /申请已提交，编号 CR-/ });
  await expect(toast).toBeVisible();
  return /CR-\d{8}-[0-9A-F]{8}/.exec((await toast.textContent()) ?? "")![0];
}

/** What a verifier re-keys from the documents; the account name is the legal name. */
export type ReKeyed = Pick<Application, "creditCode" | "legalName" | "accountNo" | "cnaps">;

/** Fills the blind re-key form (creditCode, accountName, accountNo, cnaps) and submits it. */
export async function reKey(page: Page, v: ReKeyed, overrides: Partial<ReKeyed> = {}) {
  const typed = { ...v, ...overrides };
  await page.getByLabel("统一社会信用代码", { exact: true }).fill(typed.creditCode);
  await page.getByLabel("账户名称", { exact: true }).fill(typed.legalName);
  await page.getByLabel("账号", { exact: true }).fill(typed.accountNo);
  await page.getByLabel("联行号", { exact: true }).fill(typed.cnaps);
  await page.getByRole("button", { name: "提交复核结果" }).click();
}

const SCREENSHOTS = "docs/screenshots";
/** Full-page screenshot at desktop size, or at `viewport` (e.g. a phone's) for pages people use on the go. */
export const shot = async (page: Page, name: string, viewport = { width: 1280, height: 900 }) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(viewport);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, animations: "disabled" });
};
export const row = (page: Page, reference: string) => page.locator(`tr[data-reference="${reference}"]`);

/**
 * For a serial describe block: each named demo user signs in once, in a browser of their own,
 * handed to `assign`; the browsers close after the block.
 */
export function signInForBlock(assign: Partial<Record<DemoUsername, (page: Page) => void>>) {
  const contexts: BrowserContext[] = [];
  test.beforeAll(async ({ browser }) => {
    for (const [who, set] of Object.entries(assign) as [DemoUsername, (page: Page) => void][]) {
      const { context, page } = await signedInPage(browser, who);
      contexts.push(context);
      set(page);
    }
  });
  test.afterAll(async () => {
    for (const context of contexts) await context.close();
  });
}
