import { describe, expect, it } from "vitest";
import { NAVIGATION, currentEntry } from "./navigation";

const hrefs = NAVIGATION.map((item) => item.href);

describe("currentEntry", () => {
  it("marks home only on the home page", () => {
    expect(currentEntry(hrefs, "/")).toBe("/");
    expect(currentEntry(["/"], "/merchants")).toBeUndefined();
  });

  it("a record page belongs to its list's entry", () => {
    expect(currentEntry(hrefs, "/merchants/abc/change")).toBe("/merchants");
    expect(currentEntry(hrefs, "/cases/42")).toBe("/cases");
  });

  it("the more specific entry wins over its parent", () => {
    expect(currentEntry(hrefs, "/audit/verify")).toBe("/audit/verify");
    expect(currentEntry(hrefs, "/audit/17")).toBe("/audit");
    expect(currentEntry(hrefs, "/spot-checks/mine")).toBe("/spot-checks/mine");
    expect(currentEntry(hrefs, "/spot-checks/new")).toBe("/spot-checks");
  });

  it("a path that merely starts with the same letters is not inside the entry", () => {
    expect(currentEntry(["/audit"], "/auditors")).toBeUndefined();
  });

  it("a page outside the navigation marks nothing", () => {
    expect(currentEntry(hrefs, "/account/password")).toBeUndefined();
  });
});
