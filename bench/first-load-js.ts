// The JavaScript a browser downloads on a first visit (empty cache) of the merchant application entry
// form, beside /ping (a bare dynamic page: the framework's floor) and the sign-in page, measured in
// Chromium against the production build: every script response of the visit, until the network is idle.
import fs from "node:fs";
import zlib from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { startBenchApp } from "./bench-app";

const PORT = Number(process.env.BENCH_PORT ?? 3904);
const CHROMIUM = "/usr/bin/chromium";

type Visit = { files: number; raw: number; gzip: number; served: number; documentGzip: number };

async function visit(browser: Browser, base: string, path: string, cookie?: string): Promise<Visit> {
  const context = await browser.newContext();
  if (cookie) {
    const [name, value] = cookie.split("=", 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const scripts: Promise<{ raw: number; gzip: number; served: number } | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        return { raw: body.length, gzip: zlib.gzipSync(body).length, served: sizes.responseBodySize };
        // A response still arriving as the context closes is not part of the first load.
      })().catch(() => null),
    );
  });
  const document = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  const landed = new URL(page.url()).pathname;
  if (!document?.ok() || landed !== path) throw new Error(`${path} landed on ${landed} with HTTP ${document?.status()}`);
  const documentGzip = zlib.gzipSync(await document.body()).length;
  // Until no script response is still being read: one read can reveal another script.
  for (let seen = -1; seen !== scripts.length; ) {
    seen = scripts.length;
    await Promise.all(scripts);
  }
  const files = (await Promise.all(scripts)).filter((f) => f !== null);
  await context.close();
  const sum = (key: "raw" | "gzip" | "served") => files.reduce((total, f) => total + f[key], 0);
  return { files: files.length, raw: sum("raw"), gzip: sum("gzip"), served: sum("served"), documentGzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export async function benchFirstLoadJs() {
  const bench = await startBenchApp("fljs", PORT);
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  try {
    const { base } = bench.app;
    const ping = await visit(browser, base, "/ping");
    const signIn = await visit(browser, base, "/sign-in");
    const entryForm = await visit(browser, base, "/applications/new", await bench.sessionCookie("clerk"));
    const row = (label: string, v: Visit) => [label, `**${kb(v.gzip)}** gzip`, `${kb(v.raw)} raw`, `${v.files} files`, `${kb(v.served)} as served`, `HTML ${kb(v.documentGzip)} gzip`];
    return {
      name: "first-load JS of the merchant application entry form (Chromium, empty cache, production build)",
      rows: [row("/ping, bare dynamic page (baseline: framework floor)", ping), row("/sign-in", signIn), row("/applications/new, the entry form, as a clerk", entryForm)],
      summary: `entry form ×${(entryForm.gzip / ping.gzip).toFixed(2)} the floor (+${kb(entryForm.gzip - ping.gzip)} gzip); sign-in ×${(signIn.gzip / ping.gzip).toFixed(2)}. gzip = each script body compressed at zlib's default level, summed; "as served" = bytes on the wire as the server encoded them; HTML = the document with its inline RSC payload`,
    };
  } finally {
    await browser.close();
    await bench.close();
  }
}
