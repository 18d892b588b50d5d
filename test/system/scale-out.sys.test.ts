import { chromium, type Browser, type Page } from "playwright-core";
import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { REPORTS_PER_WINDOW } from "@/lib/server/cases/submit-cardholder-report";
import { seedDemoMerchants } from "@/lib/server/demo/seed-demo-merchants";
import { createSchedule } from "@/lib/server/spot-checks/create-schedule";
import { meta, seedActor } from "@/test/integration/actors";
import { startApp, type AppProcess } from "./app-process";
import { onPostgres, useServerDatabase } from "./server-database";
import { uniqueApplicationBody } from "./submissions";

// Issue 8 suite 8: two app instances against one PostgreSQL. Nothing that matters may live only in
// one process's memory: sessions, lockout and throttling counters, idempotency keys and scheduled
// jobs are decided by the database.
const DEMO_PASSWORD = "PayeeGuard-demo-1";
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

async function signInThrough(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  const field = page.getByLabel(/^(密码|Password)$/);
  await field.fill(password);
  await field.press("Enter");
}

describe.runIf(onPostgres)("two app instances, one PostgreSQL", () => {
  const database = useServerDatabase();
  let a: AppProcess, b: AppProcess, browser: Browser;
  let scheduleId = "";

  beforeAll(async () => {
    // A monthly schedule already due when both instances start: each runs the job at start-up.
    expect(await seedDemoMerchants()).toBeGreaterThan(0);
    const auditor = await seedActor("AUDITOR");
    ({ scheduleId } = await createSchedule({
      actor: auditor,
      input: { name: "两实例月度抽查", dayOfMonth: 1, population: {}, sizing: { method: "FIXED", sampleSize: 2 }, strategy: "SIMPLE", auditorIds: [auditor.id] },
      requestMeta: meta(),
    }));
    [a, b] = await Promise.all([startApp(3913, { DATABASE_URL: database.url }), startApp(3914, { DATABASE_URL: database.url })]);
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("a session made on one instance works on the other, and signing out on that one ends it on both", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await signInThrough(page, a.base, "clerk", DEMO_PASSWORD);
    await page.waitForURL(`${a.base}/`);
    const cookie = (await context.cookies(a.base)).map((c) => `${c.name}=${c.value}`).join("; ");
    // Cookies are per host and port; the other instance gets the same Cookie header.
    const onB = await fetch(`${b.base}/my-work`, { headers: { cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("王录入");

    const other = await browser.newContext({ locale: "zh-CN" });
    await other.addCookies((await context.cookies(a.base)).map((c) => ({ ...c, domain: "127.0.0.1" })));
    const pageB = await other.newPage();
    await pageB.goto(`${b.base}/`);
    await pageB.getByRole("button", { name: "退出登录" }).click();
    await pageB.waitForURL(/\/sign-in$/);
    const afterSignOut = await fetch(`${a.base}/my-work`, { headers: { cookie }, redirect: "manual" });
    expect(afterSignOut.status).toBeGreaterThanOrEqual(300);
    expect(afterSignOut.headers.get("location") ?? "").toContain("/sign-in");
    await Promise.all([context.close(), other.close()]);
  });

  it("failed sign-ins counted on both instances lock the account on both", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    for (let attempt = 0; attempt < 5; attempt++) {
      const base = attempt % 2 === 0 ? a.base : b.base;
      await signInThrough(page, base, "supervisor2", "wrong-password-1");
      await page.getByText(/用户名或密码不正确|该账户因多次登录失败已被锁定/).first().waitFor();
    }
    for (const base of [a.base, b.base]) {
      await signInThrough(page, base, "supervisor2", DEMO_PASSWORD);
      await page.getByText(/该账户因多次登录失败已被锁定/).first().waitFor();
      expect(new URL(page.url()).pathname).toBe("/sign-in");
    }
    const user = await database.db.prisma.user.findUniqueOrThrow({ where: { username: "supervisor2" } });
    expect(user.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
    await context.close();
  });

  it("one Idempotency-Key sent at once to both instances creates one change request, and every answer is the same", async () => {
    const clerk = await database.db.prisma.user.findUniqueOrThrow({ where: { username: "clerk" } });
    const { token } = await createApiToken({
      actor: await seedActor("ADMIN"),
      input: { name: "两实例幂等", scopes: ["applications:write"], actingUserId: clerk.id, lifetime: "30" },
      requestMeta: meta(),
    });
    const body = uniqueApplicationBody();
    const creditCode = (JSON.parse(body) as { data: { merchant: { creditCode: string } } }).data.merchant.creditCode;
    const key = `scale-out-${crypto.randomUUID()}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key };
    // As a client does: a 409 "still running" is retried after its Retry-After.
    const send = async (base: string) => {
      for (let attempt = 0; attempt < 30; attempt++) {
        const response = await fetch(`${base}/api/v1/applications`, { method: "POST", headers, body });
        if (response.status === 409 && response.headers.get("retry-after")) {
          await new Promise((r) => setTimeout(r, Number(response.headers.get("retry-after")) * 1_000));
          continue;
        }
        return { status: response.status, replayed: response.headers.get("idempotent-replayed") === "true", body: await response.json() };
      }
      throw new Error("still running after 30 retries");
    };
    const answers = await Promise.all([a.base, b.base, a.base, b.base].map(send));
    expect(answers.map((x) => x.status)).toEqual([201, 201, 201, 201]);
    expect(answers.filter((x) => !x.replayed), "answers that ran the submission (the rest are replays)").toHaveLength(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(await database.db.prisma.changeRequest.count({ where: { creditCode } })).toBe(1);
  });

  it("cardholder reports from one address, alternating between the instances, are throttled by one count", async () => {
    const address = "203.0.113.88";
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", extraHTTPHeaders: { "x-forwarded-for": address } });
    const page = await context.newPage();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reports = () => database.db.prisma.case.count({ where: { kind: "CARDHOLDER_REPORT" } });
    const before = await reports();
    const outcomes: string[] = [];
    for (let i = 0; i < REPORTS_PER_WINDOW + 2; i++) {
      await page.goto(`${i % 2 === 0 ? a.base : b.base}/report`);
      await page.getByLabel("终端编号", { exact: true }).fill("ZZ000001");
      await page.getByLabel("显示的收款方", { exact: true }).fill(`两实例收款方${i}`);
      await page.getByLabel("付款日期", { exact: true }).fill(today);
      await page.getByRole("button", { name: "提交举报" }).click();
      const answer = page.getByTestId("report-received").or(page.getByRole("alert", { name: /提交失败/ }));
      await answer.first().waitFor();
      outcomes.push((await page.getByTestId("report-received").count()) ? "accepted" : ((await answer.first().textContent()) ?? ""));
    }
    expect(outcomes.slice(0, REPORTS_PER_WINDOW)).toEqual(Array(REPORTS_PER_WINDOW).fill("accepted"));
    for (const refused of outcomes.slice(REPORTS_PER_WINDOW)) expect(refused).toMatch(new RegExp(`每小时 ${REPORTS_PER_WINDOW} 份`));
    expect((await reports()) - before).toBe(REPORTS_PER_WINDOW);
    await context.close();
  });

  it("the monthly job ran on both instances at start-up and drew the due campaign once", async () => {
    const campaigns = () => database.db.prisma.spotCheckCampaign.count({ where: { scheduleId } });
    for (let i = 0; i < 60 && (await campaigns()) === 0; i++) await new Promise((r) => setTimeout(r, 500));
    // Give the slower instance's run time to finish (and be refused by the unique month index).
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await campaigns()).toBe(1);
    expect(a.output() + b.output()).not.toMatch(/scheduled spot-check campaign failed/);
  });
});
