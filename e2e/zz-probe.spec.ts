import { test, expect, signIn } from "./fixtures";
test("probe", async ({ browser }) => {
  for (let i = 0; i < 3; i++) {
    let t0 = Date.now();
    const c = await browser.newContext(); console.log("ctx", Date.now() - t0); t0 = Date.now();
    const p = await c.newPage(); console.log("page", Date.now() - t0); t0 = Date.now();
    await p.goto("/sign-in"); console.log("goto", Date.now() - t0); t0 = Date.now();
    await p.goto("/forbidden"); console.log("goto2", Date.now() - t0); t0 = Date.now();
    await c.close(); console.log("close", Date.now() - t0);
  }
});
