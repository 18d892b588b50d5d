import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "messages", `${locale}.json`), "utf8")) as Record<string, unknown>;

/** Every leaf key as a dotted path, with its value. */
function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (value && typeof value === "object" && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, value]];
}

// ICU placeholders such as {count} or {reference}: a translation that drops one shows a hole.
const placeholders = (text: unknown) => new Set(typeof text === "string" ? [...text.matchAll(/\{(\w+)(?:,|\})/g)].map((m) => m[1]) : []);

describe("translations", () => {
  const zh = new Map(leaves(load("zh-CN")));
  const en = new Map(leaves(load("en")));

  it("zh-CN and English have exactly the same keys", () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("no message is empty and both languages use the same placeholders", () => {
    for (const [key, text] of zh) {
      expect(typeof text === "string" && text.trim().length > 0, `zh-CN ${key}`).toBe(true);
      expect(typeof en.get(key) === "string" && (en.get(key) as string).trim().length > 0, `en ${key}`).toBe(true);
      expect([...placeholders(en.get(key))].sort(), key).toEqual([...placeholders(text)].sort());
    }
  });
});
