import ExcelJS from "exceljs";

/**
 * Finding full account numbers and resident IDs in what the app sends out. A number may be shown
 * grouped ("6212 2614 …") or split by dashes, so digits separated only by spaces or dashes are
 * joined before searching; a resident ID's check character may be upper- or lower-case.
 */
export function exposedIn(text: string, secrets: readonly string[]): string[] {
  const joined = text.replace(/(?<=\d)[\s\u00a0\u3000-]+(?=[\dXx])/g, "").toUpperCase();
  return secrets.filter((s) => joined.includes(s.toUpperCase()));
}

/** Every cell of every sheet of an .xlsx file, as text. */
export async function workbookText(data: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join("\n");
}

/** Same-origin links ("/…") in an HTML page, without fragments. */
export function linksIn(html: string): string[] {
  const links = new Set<string>();
  for (const m of html.matchAll(/href="(\/[^"#]*)/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (!href.startsWith("//") && !href.startsWith("/_next/")) links.add(href);
  }
  return [...links];
}

/** A URL's shape: record ids and numbers replaced, so a crawl visits a few of each kind, not all. */
export function shapeOf(url: string): string {
  const [pathname, query] = url.split("?");
  const shape = pathname!.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}/gi, "/:id").replace(/\/[^/]*\d[^/]*/g, "/:n");
  return query ? `${shape}?${query.split("&").map((kv) => kv.split("=")[0]).sort().join("&")}` : shape;
}
