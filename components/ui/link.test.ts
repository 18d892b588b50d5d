import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const sources = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });

describe("links", () => {
  it("every screen links through components/ui/link (no viewport prefetch renders on the server)", () => {
    const files = ["app", "components", "lib"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const direct = files.filter((file) => file !== path.join("components", "ui", "link.tsx") && /from ["']next\/link["']/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(direct, "import Link from \"@/components/ui/link\" instead of next/link").toEqual([]);
  });
});
