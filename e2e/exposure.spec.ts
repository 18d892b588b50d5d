import fs from "node:fs";
import type { APIRequestContext, Browser } from "@playwright/test";
import { demoDocuments, demoSensitiveNumbers } from "../lib/domain/demo/demo-merchants";
import type { TRole } from "../lib/domain/permissions";
import { DEMO_USERS, expect, storageStateFor, test, type DemoUsername } from "./fixtures";
import { exposedIn, linksIn, shapeOf, workbookText } from "./exposure";
import { ROUTE_ACCESS } from "./route-access";

/**
 * Exposure (issue 8, suite 9): crawl every page, export and API response the app serves to each
 * role — following the links a person could follow, from home and from every GET route in the
 * route table — and search it for the demo merchants' full account numbers and resident IDs.
 * No role sees one without unmasking (a deliberate, audited act the crawl never performs). The
 * server's log is searched too.
 */

test.describe.configure({ mode: "serial", timeout: 600_000 });

const { accountNumbers, residentIds } = demoSensitiveNumbers();
const SECRETS = [...accountNumbers, ...residentIds];
const PAGES_PER_SHAPE = 4;
const MAX_REQUESTS = 400;
// Links that end the crawler's own session would stop the crawl, not test anything.
const SKIP = [/^\/sign-out/, /^\/api\/auth\/sign-out/];

type Visit = { url: string; status: number; kind: string; exposed: string[] };

const STARTS = ["/", ...Object.entries(ROUTE_ACCESS).filter(([route, rule]) => !route.includes("[") && (rule.request?.method ?? "GET") === "GET").map(([route]) => route)];

/** What one response shows as text: HTML (with its embedded React payload), JSON, CSV or Excel. */
async function bodyText(response: Awaited<ReturnType<APIRequestContext["get"]>>) {
  const type = response.headers()["content-type"] ?? "";
  if (type.includes("spreadsheetml")) return { kind: "xlsx", text: await workbookText(await response.body()) };
  return { kind: type.split(";")[0] || "unknown", text: await response.text() };
}

async function crawl(request: APIRequestContext): Promise<Visit[]> {
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const queue = [...STARTS];
  const visits: Visit[] = [];
  while (queue.length && visits.length < MAX_REQUESTS) {
    const url = queue.shift()!;
    if (seen.has(url) || SKIP.some((s) => s.test(url))) continue;
    seen.add(url);
    const shape = shapeOf(url);
    if ((perShape.get(shape) ?? 0) >= PAGES_PER_SHAPE) continue;
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const response = await request.get(url, { maxRedirects: 5, failOnStatusCode: false });
    const { kind, text } = await bodyText(response);
    visits.push({ url, status: response.status(), kind, exposed: exposedIn(text, SECRETS) });
    if (kind === "text/html") for (const link of linksIn(text)) if (!seen.has(link)) queue.push(link);
  }
  return visits;
}

async function crawlAs(browser: Browser, username: DemoUsername | null) {
  const context = await browser.newContext(username ? { storageState: await storageStateFor(browser, username) } : {});
  try {
    return await crawl(context.request);
  } finally {
    await context.close();
  }
}

const report = (visits: Visit[]) => visits.filter((v) => v.exposed.length).map((v) => `${v.url} (${v.kind}): ${v.exposed.join(", ")}`);

test("the detector finds a number however it is grouped, and only the numbers asked for", () => {
  const account = accountNumbers[0]!;
  const id = residentIds.find((r) => /X$/i.test(r)) ?? residentIds[0]!;
  const grouped = account.replace(/(\d{4})(?=\d)/g, "$1 ");
  expect(exposedIn(`<td>${grouped}</td>`, SECRETS)).toEqual([account]);
  expect(exposedIn(`"legalRepId":"${id.toLowerCase()}"`, SECRETS)).toEqual([id]);
  expect(exposedIn(`尾号 ${account.slice(-4)} · •••• ${id.slice(-4)}`, SECRETS)).toEqual([]);
  expect(shapeOf("/merchants/0b6f3c2e-1f7a-4c3d-9e8f-1a2b3c4d5e6f?page=2")).toBe("/merchants/:id?page");
});

const VISITORS: [label: string, username: DemoUsername | null][] = [
  ["anonymous", null],
  ...(Object.keys(DEMO_USERS) as DemoUsername[]).map((u): [string, DemoUsername] => [`${u} (${DEMO_USERS[u].role as TRole})`, u]),
];

for (const [label, username] of VISITORS) {
  test(`${label}: no page, export or API response shows a full account number or resident ID`, async ({ browser }) => {
    const visits = await crawlAs(browser, username);
    // Guards the guard: a crawl that reached nothing would pass empty.
    const pages = visits.filter((v) => v.kind === "text/html" && v.status === 200);
    expect(pages.length, `pages crawled as ${label}`).toBeGreaterThanOrEqual(username ? 5 : 2);
    if (username && DEMO_USERS[username].role !== "ADMIN") {
      expect(visits.some((v) => /^\/merchants\/[0-9a-f-]{36}$/.test(v.url)), `${label} reached a merchant's page`).toBe(true);
    }
    expect(visits.filter((v) => v.status >= 500).map((v) => `${v.url} → ${v.status}`), "server errors while crawling").toEqual([]);
    expect(report(visits), `full numbers sent to ${label}`).toEqual([]);
  });
}

test("the unmask dialog shows the number — and the detector sees it there", async ({ browser }) => {
  // Proves the crawl above could fail: the one place a full number is meant to appear is found.
  const context = await browser.newContext({ storageState: await storageStateFor(browser, "supervisor") });
  const page = await context.newPage();
  // A demo merchant whose account no other spec changes (other specs add merchants of their own).
  const demo = demoDocuments("福州鼓楼示例超市有限公司");
  await page.goto(`/merchants?q=${demo.creditCode}`);
  await page.getByRole("link", { name: demo.legalName, exact: true }).click();
  const accounts = page.getByRole("region", { name: "收款账户" });
  await accounts.getByRole("button", { name: /^查看完整账号/ }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "查看理由" }).fill("核对商户来电所报账号（暴露测试）");
  await dialog.getByRole("button", { name: "查看", exact: true }).click();
  await expect(dialog.getByTestId("unmasked-account-no")).toBeVisible();
  expect(exposedIn(await page.content(), SECRETS)).toEqual([demo.accountNo]);
  await context.close();
});

test("the server's log holds no full number", () => {
  const log = "data/e2e/server.log";
  expect(fs.existsSync(log), `${log} (written by scripts/e2e-server.mjs)`).toBe(true);
  const text = fs.readFileSync(log, "utf8");
  expect(text.length).toBeGreaterThan(0);
  expect(exposedIn(text, SECRETS)).toEqual([]);
});
