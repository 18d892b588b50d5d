import { chromium, type Browser, type Page } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoMerchants } from "@/lib/server/demo/seed-demo-merchants";
import { createSchedule } from "@/lib/server/spot-checks/create-schedule";
import { meta, seedActor } from "@/test/integration/actors";
import { startApp, type AppProcess } from "./app-process";
import { onPostgres, useServerDatabase } from "./server-database";

// Issue 8 suite 8: two app instances against one PostgreSQL. Nothing that matters may live only in
// one process's memory: sessions, lockout counters and scheduled jobs are decided by the database.
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

  it("the monthly job ran on both instances at start-up and drew the due campaign once", async () => {
    const campaigns = () => database.db.prisma.spotCheckCampaign.count({ where: { scheduleId } });
    for (let i = 0; i < 60 && (await campaigns()) === 0; i++) await new Promise((r) => setTimeout(r, 500));
    // Give the slower instance's run time to finish (and be refused by the unique month index).
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await campaigns()).toBe(1);
    expect(a.output() + b.output()).not.toMatch(/scheduled spot-check campaign failed/);
  });
});
