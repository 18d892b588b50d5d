import { describe, expect, it } from "vitest";
import { fileSize } from "./file-size";

describe("fileSize", () => {
  it("picks the unit a person reads", () => {
    expect(fileSize(444)).toBe("444 B");
    expect(fileSize(34_831)).toBe("34 KB");
    expect(fileSize(92 * 1024 * 1024 + 300_000)).toBe("92.3 MB");
  });
});
