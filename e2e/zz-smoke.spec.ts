import { test, expect, signIn, expectNoSeriousA11yViolations } from "./fixtures";
test("smoke", async ({ page, browser, asRole }) => {
  await signIn(page, "clerk");
  console.log(page.url(), await page.context().cookies());
  await expectNoSeriousA11yViolations(page);
  const p = await asRole("ADMIN");
  await p.goto("/admin/users");
  console.log(p.url());
  const c = await browser.newContext(); const q = await c.newPage(); await q.goto("/"); console.log(q.url());
});
