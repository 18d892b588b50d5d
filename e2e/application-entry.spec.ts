import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { cnapsCheckDigit, orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from "../lib/domain/validation";
import { expect, expectNoSeriousA11yViolations, pathOf, tabTo, test } from "./fixtures";

/**
 * New-merchant application entry (SPEC §3.1): keyboard-first, every error at its field and in the
 * summary, normalisation shown back, drafts that survive a reload. Each test makes its own
 * identifiers from the check-digit algorithms, so runs never collide.
 */

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join("");
const digits = (n: number) => pick("0123456789", n);

function creditCode(kind: "91" | "92" = "91") {
  // Organisation code (pos 9–17) with its own GB 11714 check, so no ORG_CODE_CHECK warning.
  let org = "";
  let check: string | null = null;
  while (!check || !USCC_CHARS.includes(check)) {
    org = pick("0123456789ABCDEFGHJKLMNPQRTUWXY", 8);
    check = orgCodeCheckChar(org);
  }
  const body = `${kind}110101${org}${check}`;
  return body + usccCheckChar(body)!;
}
function residentId() {
  const body = `110101198${digits(1)}0${1 + Math.floor(Math.random() * 9)}1${digits(1)}${digits(3)}`;
  return body + residentIdCheckChar(body)!;
}
function cnaps(bank = "102") {
  const body = `${bank}3910${digits(4)}`;
  return body + cnapsCheckDigit(body)!;
}
function luhnComplete(body: string) {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = s.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
      let v = Number(s[i]);
      if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error("unreachable");
}
/** A body with a check character that is certainly wrong. */
const wrongLast = (body: string, check: (b: string) => string | null) => body + (check(body) === "0" ? "1" : "0");
const terminalId = () => pick("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 8);
const serialNo = () => `SN-${pick("0123456789ABCDEF", 10)}`;
const tag = () => pick("甲乙丙丁戊己庚辛壬癸", 4);

type Enterprise = ReturnType<typeof enterprise>;
function enterprise() {
  const name = `福州${tag()}贸易有限公司`;
  return {
    legalName: name, receiptName: "示例贸易", creditCode: creditCode("91"), phone: "13800138000",
    legalRepName: "林示例", legalRepId: residentId(), accountNo: `3501${digits(15)}`, cnaps: cnaps("102"),
    branchName: "中国工商银行北京东城支行", street: "东长安街 1 号", terminalId: terminalId(), serialNo: serialNo(), installAddress: "东长安街 1 号收银台",
  };
}

const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);
const summary = (page: Page) => page.locator('[aria-labelledby="error-summary-title"]');

async function set(page: Page, path: string, value: string) {
  const input = field(page, path);
  await input.fill(value);
  await input.blur();
}

async function openNewForm(page: Page) {
  await page.goto("/applications/new");
  await expect(page.getByRole("heading", { level: 1, name: "新建商户进件" })).toBeVisible();
  // The division table arrives as its own chunk; the cascade is usable once it has.
  await expect(field(page, "merchant.divisionCode")).toBeEnabled();
}

/** Fills a whole application through the fields (mouse-free but not Tab-by-Tab). */
async function fillEnterprise(page: Page, v: Enterprise) {
  await set(page, "merchant.legalName", v.legalName);
  await set(page, "merchant.receiptName", v.receiptName);
  await set(page, "merchant.creditCode", v.creditCode);
  await set(page, "merchant.phone", v.phone);
  await set(page, "merchant.legalRepName", v.legalRepName);
  await set(page, "merchant.legalRepId", v.legalRepId);
  await field(page, "merchant.mcc").selectOption("5411");
  await set(page, "merchant.divisionCode-code", "110101");
  await set(page, "merchant.street", v.street);
  await set(page, "account.accountName", v.legalName);
  await set(page, "account.accountNo", v.accountNo);
  await field(page, "account.bankCode").selectOption("102");
  await set(page, "account.branchName", v.branchName);
  await set(page, "account.cnaps", v.cnaps);
  await set(page, "terminals.0.terminalId", v.terminalId);
  await set(page, "terminals.0.serialNo", v.serialNo);
  await set(page, "terminals.0.installAddress", v.installAddress);
}

/** The field shows this message next to it, and the summary links to the field with it. */
async function expectErrorAt(page: Page, path: string, message: string | RegExp) {
  await expect(page.locator(`[id="${path}-error"]`)).toContainText(message);
  await expect(field(page, path)).toHaveAttribute("aria-invalid", "true");
  await expect(summary(page).locator(`a[href="#${path}"]`).filter({ hasText: message })).toBeVisible();
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target, 60);
  await page.keyboard.type(text);
}

const screenshots = "docs/screenshots";

test.describe("new merchant application", () => {
  // Keyboard entry is a few hundred key presses plus server round trips: generous on a busy 2-core box.
  test.describe.configure({ timeout: 180_000 });

  test("a clerk enters a valid enterprise with the keyboard alone and submits it", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await page.setViewportSize({ width: 1280, height: 900 });
    const v = enterprise();
    await openNewForm(page);
    await expectNoSeriousA11yViolations(page, "/applications/new");

    const label = (name: string) => page.getByLabel(name, { exact: true });
    // 企业 is preselected; the radio group is one Tab stop and arrow keys move within it.
    await tabTo(page, page.getByRole("radio", { name: "企业" }), 60);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "个体工商户" })).toBeChecked();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("radio", { name: "企业" })).toBeChecked();

    await typeInto(page, label("商户名称"), v.legalName);
    // Enter in a field never submits: it moves on to the next field like Tab.
    await page.keyboard.press("Enter");
    await expect(label("签购单名称")).toBeFocused();
    expect(pathOf(page)).toBe("/applications/new");
    await page.keyboard.type(v.receiptName);
    await typeInto(page, label("统一社会信用代码"), v.creditCode);
    await typeInto(page, label("联系电话"), v.phone);
    await typeInto(page, label("法定代表人姓名"), v.legalRepName);
    await typeInto(page, label("法定代表人/经营者身份证号"), v.legalRepId);
    // A select is typed into: the 4-digit code jumps to the MCC.
    await typeInto(page, label("商户类别码（MCC）"), "5411");
    await expect(label("商户类别码（MCC）")).toHaveValue("5411");
    // Province → city → district with the arrow keys (北京市 → 市辖区 → 东城区 are first).
    await tabTo(page, label("省"));
    await page.keyboard.press("ArrowDown");
    await tabTo(page, label("市"));
    await page.keyboard.press("ArrowDown");
    await tabTo(page, label("区县"));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByText("已选：北京市东城区（110101）")).toBeVisible();
    await typeInto(page, label("详细地址"), v.street);

    await expect(page.getByRole("radio", { name: "对公" })).toBeChecked();
    await typeInto(page, label("账户名"), v.legalName);
    await typeInto(page, label("账号"), v.accountNo);
    await typeInto(page, label("开户银行"), "102");
    await expect(label("开户银行")).toHaveValue("102");
    await typeInto(page, label("开户支行"), v.branchName);
    await typeInto(page, label("联行号"), v.cnaps);
    await typeInto(page, label("终端号"), v.terminalId);
    await typeInto(page, label("序列号（SN）"), v.serialNo);
    await typeInto(page, label("装机地址"), v.installAddress);
    await page.keyboard.press("Tab"); // leave the last field so its checks run

    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}/application-form.png`, fullPage: true });

    // Save the draft by hand (it gets its own address), then step back to the submit button.
    await tabTo(page, page.getByRole("button", { name: "保存草稿" }));
    await page.keyboard.press("Space");
    await expect(page.getByRole("status").filter({ hasText: /^已保存 \d{2}:\d{2}$/ })).toBeVisible();
    await expect.poll(() => pathOf(page)).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    const draftPath = pathOf(page);
    await page.keyboard.press("Shift+Tab");
    await expect(page.getByRole("button", { name: "提交申请" })).toBeFocused();
    await page.keyboard.press("Space");
    const toast = page.getByRole("status").filter({ hasText: /申请已提交，编号 CR-\d{8}-[0-9A-F]{8}/ });
    await expect(toast).toBeVisible();
    const reference = (await toast.textContent())!.match(/CR-\d{8}-[0-9A-F]{8}/)![0];
    await expect.poll(() => pathOf(page)).toBe("/my-work");

    // The submitted draft now reads as what it became, and cannot be edited.
    await page.goto(draftPath);
    await expect(page.getByRole("heading", { level: 1, name: "商户进件（已提交）" })).toBeVisible();
    await expect(page.getByText(`提交为变更申请 ${reference}`)).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByText(`••••${v.accountNo.slice(-4)}`)).toBeVisible();

    // The same credit code and account are now taken: the next entry hears it on blur.
    await openNewForm(page);
    await set(page, "merchant.creditCode", v.creditCode);
    await expect(page.locator('[id="merchant.creditCode-error"]')).toContainText("该统一社会信用代码已有待处理的申请");
    await set(page, "account.accountNo", v.accountNo);
    await expect(page.locator('[id="account.accountNo-note"]')).toContainText(`账户已被其他商户使用：${v.legalName}`);
    await set(page, "terminals.0.terminalId", v.terminalId);
    await expect(page.locator('[id="terminals.0.terminalId-error"]')).toContainText("该终端号已绑定其他商户或在其他申请中");
  });

  test("a wrong-everything submission lists every error in the summary and at each field", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await page.setViewportSize({ width: 1280, height: 900 });
    await openNewForm(page);
    await set(page, "merchant.creditCode", "91350100M000100Y5"); // one character short, wrong check
    await set(page, "merchant.phone", "12345");
    await set(page, "merchant.legalRepId", wrongLast("11010119800101123", residentIdCheckChar));
    await set(page, "account.accountNo", "12");
    await set(page, "account.cnaps", wrongLast("10210000000", cnapsCheckDigit));
    await set(page, "terminals.0.terminalId", "abc");
    await set(page, "terminals.0.serialNo", "x");
    await page.getByRole("button", { name: "提交申请" }).click();

    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText(/提交失败，请修正以下 \d+ 处问题/);
    const expected: [string, string | RegExp][] = [
      ["merchant.legalName", "此项必填"],
      ["merchant.receiptName", "此项必填"],
      ["merchant.creditCode", "位数不对"],
      ["merchant.phone", /./],
      ["merchant.legalRepName", "此项必填"],
      ["merchant.legalRepId", "校验位不符"],
      ["merchant.mcc", /./],
      ["merchant.divisionCode", "请选择到区县一级的行政区划"],
      ["merchant.street", "此项必填"],
      ["account.accountName", "此项必填"],
      ["account.accountNo", /./],
      ["account.bankCode", "请选择开户银行"],
      ["account.branchName", "此项必填"],
      ["account.cnaps", "校验位不符"],
      ["terminals.0.terminalId", /./],
      ["terminals.0.serialNo", "终端序列号为 4–40 位字母、数字或“-”"],
      ["terminals.0.installAddress", "此项必填"],
    ];
    for (const [path, message] of expected) await expectErrorAt(page, path, message);
    // Each error is one summary link, and nothing else is listed.
    // (The cascade's other selects share the division's error; ids with "-" are not field paths.)
    await expect(summary(page).locator("a")).toHaveCount(await page.locator('[aria-invalid="true"]:not([id*="-"])').count());
    await expect(summary(page).locator("a")).toHaveCount(expected.length);
    await expectNoSeriousA11yViolations(page, "/applications/new (errors)");
    await page.screenshot({ path: `${screenshots}/application-errors.png`, fullPage: true });

    // A summary link takes the clerk to the field.
    await summary(page).locator('a[href="#account.cnaps"]').click();
    await expect(field(page, "account.cnaps")).toBeFocused();
  });

  test("an enterprise may not settle to a personal account", async ({ asRole }) => {
    const page = await asRole("CLERK");
    const v = enterprise();
    await openNewForm(page);
    await fillEnterprise(page, v);
    await page.getByRole("radio", { name: "个人" }).check();
    await set(page, "account.accountName", v.legalRepName);
    await set(page, "account.accountNo", luhnComplete(`622202${digits(9)}`));
    await page.getByRole("button", { name: "提交申请" }).click();
    await expectErrorAt(page, "account.accountType", "企业商户只能使用对公账户结算：请改为对公账户。");
    expect(pathOf(page)).toBe("/applications/new");
  });

  test("an account in another name needs a recorded authorisation", async ({ asRole }) => {
    const page = await asRole("CLERK");
    const v = enterprise();
    await openNewForm(page);
    await page.getByRole("radio", { name: "个体工商户" }).check();
    await fillEnterprise(page, { ...v, creditCode: creditCode("92") });
    await page.getByRole("radio", { name: "个人" }).check();
    await set(page, "account.accountName", "王五");
    await set(page, "account.accountNo", luhnComplete(`622202${digits(9)}`));
    // Leaving the name field reveals the authorisation fields, with the reason.
    await expect(page.locator('[id="account.accountName-note"]')).toContainText("账户名与经营者“林示例”不一致");
    await expect(field(page, "account.thirdPartyAuthRef")).toBeVisible();
    await page.getByRole("button", { name: "提交申请" }).click();
    await expectErrorAt(page, "account.thirdPartyAuthRef", "账户名与商户名称/法定代表人不一致，属于非法人结算：请填写授权书编号和日期");
  });

  test("a full-width, space-separated credit code is shown normalised after leaving the field", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await openNewForm(page);
    const code = creditCode("91");
    const fullWidth = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    const messy = `${fullWidth.slice(0, 4)} ${fullWidth.slice(4, 10)}　${fullWidth.slice(10)}`.replace(/Ａ/g, "ａ");
    await set(page, "merchant.creditCode", messy);
    await expect(field(page, "merchant.creditCode")).toHaveValue(code);
    const notes = page.locator('[id="merchant.creditCode-note"]');
    await expect(notes).toContainText("已去除空格");
    await expect(notes).toContainText("已将全角字符转为半角");
    await expect(page.locator('[id="merchant.creditCode-error"]')).toHaveCount(0);
  });

  test("a draft is saved (by hand and automatically) and survives a reload", async ({ asRole }) => {
    const page = await asRole("CLERK");
    const v = enterprise();
    await openNewForm(page);
    await set(page, "merchant.legalName", v.legalName);
    await set(page, "merchant.creditCode", v.creditCode);
    await set(page, "account.accountNo", v.accountNo);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^已保存 \d{2}:\d{2}$/ })).toBeVisible();
    await expect.poll(() => pathOf(page)).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    const draftPath = pathOf(page);

    // Autosave: a change is saved ~5 s after typing stops, without any click.
    await set(page, "terminals.0.terminalId", v.terminalId);
    await expect(page.getByRole("status").filter({ hasText: "有未保存的修改" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^已保存 \d{2}:\d{2}$/ })).toBeVisible({ timeout: 15_000 });

    await page.reload();
    expect(pathOf(page)).toBe(draftPath);
    await expect(field(page, "merchant.legalName")).toHaveValue(v.legalName);
    await expect(field(page, "merchant.creditCode")).toHaveValue(v.creditCode);
    await expect(field(page, "account.accountNo")).toHaveValue(v.accountNo);
    await expect(field(page, "terminals.0.terminalId")).toHaveValue(v.terminalId);
  });

  test("a second tab saving the same draft is reported as a conflict", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await openNewForm(page);
    await set(page, "merchant.legalName", `冲突${tag()}有限公司`);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    const other = await page.context().newPage();
    await other.goto(page.url());
    await set(other, "merchant.receiptName", "另一个标签页");
    await other.getByRole("button", { name: "保存草稿" }).click();
    await expect(other.getByRole("status").filter({ hasText: /^已保存/ })).toBeVisible();
    await set(page, "merchant.receiptName", "本标签页");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "此草稿已在另一个窗口或标签页中保存过" })).toBeVisible();
    await expect(page.getByRole("button", { name: "重新加载最新版本" })).toBeVisible();
  });

  test("a credit card is refused as a settlement account", async ({ asRole }) => {
    const admin = await asRole("ADMIN");
    const response = await admin.goto("/admin/reference");
    test.skip(!response?.ok() || !(await admin.getByLabel("卡 BIN 文件（CSV）").count()), "no BIN import screen at /admin/reference yet");
    const creditBin = `9${digits(7)}`;
    const csv = `prefix,bank,card_type\n${creditBin},测试银行,credit\n62220200,中国工商银行,debit\n`;
    await admin.getByLabel("卡 BIN 文件（CSV）").setInputFiles({ name: "bins.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await admin.getByRole("button", { name: "导入并替换" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "已导入 2 条" })).toBeVisible();

    const page = await asRole("CLERK");
    const v = enterprise();
    await openNewForm(page);
    await page.getByRole("radio", { name: "个体工商户" }).check();
    await fillEnterprise(page, { ...v, creditCode: creditCode("92") });
    await page.getByRole("radio", { name: "个人" }).check();
    await set(page, "account.accountName", v.legalRepName);
    await set(page, "account.accountNo", luhnComplete(`${creditBin}${digits(7)}`));
    await page.getByRole("button", { name: "提交申请" }).click();
    await expectErrorAt(page, "account.accountNo", "这是一张信用卡：信用卡不能作为结算账户");
  });

  test("the form speaks English when the clerk chose English", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await page.goto("/applications/new");
    // The choice is saved on the user: switch back afterwards so other tests see zh-CN.
    await page.getByRole("button", { name: /English/ }).click();
    try {
      await expect(page.getByRole("heading", { level: 1, name: "New merchant application" })).toBeVisible();
      await page.getByRole("button", { name: "Submit application" }).click();
      await expect(summary(page)).toContainText("Legal name");
      // No message key leaks through untranslated.
      expect(await page.locator("main").innerText()).not.toMatch(/\bapplication\.[a-zA-Z]/);
      await expect(page.getByLabel("Account number", { exact: true })).toBeVisible();
    } finally {
      await page.getByRole("button", { name: /中文/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "新建商户进件" })).toBeVisible();
    }
  });
});
