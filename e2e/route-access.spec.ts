import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { TRole } from "../lib/domain/permissions";
import { ALL_ROLES, USER_FOR_ROLE, expect, pathOf, storageStateFor, test } from "./fixtures";
import { ROUTE_ACCESS, UNKNOWN_ID, deniedDestination, discoverRoutes, fillRoute, isAllowed, segmentsOf, type RouteRule } from "./route-access";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const discovered = discoverRoutes();
const pages = discovered.filter((r) => r.kind === "page");
const handlers = discovered.filter((r) => r.kind === "handler");
const visitors: (TRole | null)[] = [null, ...ALL_ROLES];
const nameOf = (who: TRole | null) => who ?? "anonymous";

test.describe("route table", () => {
  test("discovery sees the app's routes", () => {
    // Guards the guard: if discovery broke (moved app/, renamed files), the matrix would pass empty.
    const routes = discovered.map((r) => r.route);
    for (const known of ["/", "/sign-in", "/admin/users", "/admin/users/[id]", "/api/health"]) expect(routes).toContain(known);
    expect(discovered.find((r) => r.route === "/api/health")?.kind).toBe("handler");
    expect(discovered.find((r) => r.route === "/sign-in")?.file).toBe("app/(public)/sign-in/page.tsx");
  });

  test("every page.tsx and route.ts has an expected-access entry", () => {
    const missing = discovered.filter((r) => !ROUTE_ACCESS[r.route]).map((r) => `${r.route}  (${r.file})`);
    expect(missing, `routes with no entry in e2e/route-access.ts ROUTE_ACCESS — decide who may open them:\n${missing.join("\n")}\n`).toEqual([]);
  });

  test("every dynamic segment says where its value comes from", () => {
    const missing = discovered.flatMap((r) => segmentsOf(r.route).filter((seg) => !ROUTE_ACCESS[r.route]?.params?.[seg]).map((seg) => `${r.route}: [${seg}]`));
    expect(missing, "dynamic segments with no params entry in ROUTE_ACCESS").toEqual([]);
  });

  test("every table entry is backed by a page.tsx or route.ts", () => {
    const routes = new Set(discovered.map((r) => r.route));
    const stale = Object.keys(ROUTE_ACCESS).filter((r) => !routes.has(r));
    expect(stale, `entries in ROUTE_ACCESS that no file serves any more:\n${stale.join("\n")}\n`).toEqual([]);
  });
});

test.describe("role × route matrix", () => {
  const states = new Map<TRole, StorageState>();
  let adminUserId = "";

  test.beforeAll(async ({ browser }) => {
    // Sign in once per role; every cell reuses that session.
    for (const role of ALL_ROLES) states.set(role, await storageStateFor(browser, USER_FOR_ROLE[role]));
    // A real id for /admin/users/[id]: the admin user's, read off the users list.
    const context = await browser.newContext({ storageState: states.get("ADMIN") });
    const page = await context.newPage();
    await page.goto("/admin/users?q=admin");
    const href = await page.getByRole("link", { name: "admin", exact: true }).getAttribute("href");
    const id = /^\/admin\/users\/([^/?#]+)$/.exec(href ?? "")?.[1];
    expect(id, `admin's link in the users list: ${href}`).toBeTruthy();
    adminUserId = id!;
    await context.close();
  });

  /** The concrete URL for a route, and whether it names a record that does not exist. */
  const urlFor = (route: string, rule: RouteRule) => {
    const values = Object.fromEntries(segmentsOf(route).map((seg) => [seg, rule.params?.[seg] === "admin-user-id" ? adminUserId : UNKNOWN_ID]));
    return { url: fillRoute(route, values), unknownRecord: segmentsOf(route).some((seg) => rule.params?.[seg] === "unknown") };
  };

  const contextFor = (browser: Browser, who: TRole | null) => browser.newContext(who ? { storageState: states.get(who) } : {});

  // One tab per visitor, reused by all of that visitor's cells (opening a browser context per
  // cell doubles the run time on a small machine).
  const tabs = new Map<TRole | null, Promise<Page>>();
  const tabFor = (browser: Browser, who: TRole | null) => {
    let tab = tabs.get(who);
    if (!tab) {
      tab = contextFor(browser, who).then((context) => context.newPage());
      tabs.set(who, tab);
    }
    return tab;
  };
  test.afterAll(async () => {
    for (const tab of tabs.values()) await (await tab).context().close();
    tabs.clear();
  });

  for (const { route, file } of pages) {
    const rule = ROUTE_ACCESS[route];
    if (!rule) continue; // reported by "every page.tsx … has an entry"
    for (const who of visitors) {
      const allowed = isAllowed(rule.access, who);
      test(`${nameOf(who)} → ${route} is ${allowed ? "allowed" : "denied"}`, async ({ browser }) => {
        test.info().annotations.push({ type: "file", description: file });
        const page = await tabFor(browser, who);
        const { url, unknownRecord } = urlFor(route, rule);
        const response = await page.goto(url);
        expect(response, `no response for ${url}`).not.toBeNull();
        if (allowed && unknownRecord) {
          // Let through the permission gate, then told the record does not exist.
          expect(pathOf(page), `${nameOf(who)} should be let through to ${url}`).toBe(url);
          expect(response!.status(), `status of ${page.url()}`).toBe(404);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(/页面不存在|Page not found/);
        } else if (allowed) {
          expect(pathOf(page), `${nameOf(who)} should be able to open ${url}`).toBe(rule.landsOn ?? url);
          expect(response!.status(), `status of ${page.url()}`).toBeLessThan(400);
          await expect(page.locator("h1")).toBeVisible();
        } else {
          const destination = deniedDestination(rule.access, who);
          expect(pathOf(page), `${nameOf(who)} must not be able to open ${url}`).toBe(destination);
          expect(response!.status()).toBeLessThan(400);
          // Refused on the server with an HTTP redirect: no byte of the protected page was sent.
          const first = response!.request().redirectedFrom();
          expect(first?.url(), `${url} should answer ${nameOf(who)} with a server-side redirect`).toBe(new URL(url, page.url()).href);
          const firstResponse = await first!.response();
          expect([302, 303, 307, 308]).toContain(firstResponse?.status());
        }
      });
    }
  }

  for (const { route, file } of handlers) {
    const rule = ROUTE_ACCESS[route];
    if (!rule) continue;
    for (const who of visitors) {
      const allowed = isAllowed(rule.access, who);
      test(`${nameOf(who)} → ${rule.request?.method ?? "GET"} ${route} is ${allowed ? "allowed" : "denied"}`, async ({ browser, baseURL }) => {
        test.info().annotations.push({ type: "file", description: file });
        const context = await contextFor(browser, who);
        const { url } = urlFor(route, rule);
        const { method, json } = rule.request ?? { method: "GET" as const };
        const response = await context.request.fetch(url, {
          method,
          maxRedirects: 0,
          ...(method === "POST" ? { headers: { origin: baseURL!, "content-type": "application/json" }, data: JSON.stringify(json ?? {}) } : {}),
        });
        const status = response.status();
        if (allowed) {
          // Past the gate: anything but a refusal (a 422 for the empty probe body is fine) or a crash.
          expect([401, 403], `${method} ${url} as ${nameOf(who)}: ${status} ${await response.text()}`).not.toContain(status);
          expect(status).toBeLessThan(500);
        } else {
          expect(status, `${method} ${url} as ${nameOf(who)}`).toBe(who === null ? 401 : 403);
        }
        await context.close();
      });
    }
  }

  test("an unknown user id is a 404 for an admin and /forbidden for everyone else", async ({ browser }) => {
    const url = `/admin/users/${UNKNOWN_ID}`;
    const admin = await contextFor(browser, "ADMIN");
    const adminPage = await admin.newPage();
    const response = await adminPage.goto(url);
    expect(response?.status()).toBe(404);
    await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(/页面不存在|Page not found/);
    await admin.close();
    for (const who of ["CLERK", "AUDITOR"] as const) {
      const context = await contextFor(browser, who);
      const page = await context.newPage();
      await page.goto(url);
      // Not a 404: a non-admin must not learn which ids exist.
      expect(pathOf(page)).toBe("/forbidden");
      await context.close();
    }
  });
});

test.describe("x-middleware-subrequest", () => {
  // CVE-2025-29927: Next.js middleware used to trust this header and skip itself. The app must not
  // rely on middleware for access control; sending the header must change nothing.
  const HEADER_VALUES = [
    "middleware",
    "middleware:middleware:middleware:middleware:middleware",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  ];
  const protectedPages = pages.filter((p) => {
    const rule = ROUTE_ACCESS[p.route];
    return rule && !isAllowed(rule.access, null);
  });

  test("an anonymous request carrying it is still refused, exactly as without it", async ({ playwright, baseURL }) => {
    expect(protectedPages.length).toBeGreaterThan(3);
    const request = await playwright.request.newContext({ baseURL });
    for (const { route } of protectedPages) {
      const url = fillRoute(route, Object.fromEntries(segmentsOf(route).map((seg) => [seg, UNKNOWN_ID])));
      const baseline = await request.get(url, { maxRedirects: 0 });
      expect([302, 303, 307, 308], `${url} without the header`).toContain(baseline.status());
      expect(new URL(baseline.headers().location ?? "", baseURL).pathname).toBe("/sign-in");
      for (const value of HEADER_VALUES) {
        const response = await request.get(url, { maxRedirects: 0, headers: { "x-middleware-subrequest": value } });
        expect(response.status(), `${url} with x-middleware-subrequest: ${value}`).toBe(baseline.status());
        expect(response.headers().location, `${url} with x-middleware-subrequest: ${value}`).toBe(baseline.headers().location);
        // The follow-through (what a browser would render) is the sign-in page, not the protected one.
        const followed = await request.get(url, { headers: { "x-middleware-subrequest": value } });
        expect(new URL(followed.url()).pathname).toBe("/sign-in");
      }
    }
    await request.dispose();
  });
});
