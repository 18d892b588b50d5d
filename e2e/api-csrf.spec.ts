import { expect, storageStateFor, test } from "./fixtures";

// Next.js checks Origin only for server actions; the JSON API checks it itself for cookie sessions.
test.describe("JSON API with a session cookie", () => {
  test("refuses foreign, null and missing origins; answers bad bodies with 422; accepts its own origin", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: await storageStateFor(browser, "clerk") });
    const own = new URL(baseURL!).origin;
    // A Buffer goes on the wire as is; a string with a JSON content type would be JSON-encoded again.
    const post = (headers: Record<string, string>, body: string) =>
      context.request.post("/api/v1/applications", { headers: { "content-type": "application/json", ...headers }, data: Buffer.from(body), maxRedirects: 0 });

    for (const origin of ["https://evil.example", "null"]) {
      const response = await post({ origin }, JSON.stringify({ data: {} }));
      expect(response.status(), origin).toBe(403);
    }
    const noOrigin = await context.request.fetch("/api/v1/applications", { method: "POST", headers: { "content-type": "application/json" }, data: Buffer.from("{}") });
    expect(noOrigin.status()).toBe(403);
    const crossSite = await post({ origin: own, "sec-fetch-site": "cross-site" }, "{}");
    expect(crossSite.status()).toBe(403);

    const malformed = await post({ origin: own }, "{not json");
    expect(malformed.status()).toBe(422);
    expect((await malformed.json()).fieldErrors._body).toEqual(["validation.http.malformedJson"]);
    const wrongType = await context.request.post("/api/v1/applications", { headers: { origin: own, "content-type": "text/plain" }, data: Buffer.from("{}") });
    expect(wrongType.status()).toBe(422);
    const invalid = await post({ origin: own }, JSON.stringify({ data: { merchant: 1 }, extra: true }));
    expect(invalid.status()).toBe(422);
    expect(Object.keys((await invalid.json()).fieldErrors).length).toBeGreaterThan(0);
    await context.close();
  });

  test("without a session the API answers 401, not a redirect to a page", async ({ request, baseURL }) => {
    const response = await request.post("/api/v1/applications", { headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" }, data: Buffer.from("{}"), maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});
