import { describe, expect, it } from "vitest";
import { blindIndex, decryptSensitive, encryptSensitive } from "./sensitive";

describe("sensitive values at rest", () => {
  it("round-trips, never repeats a ciphertext, and hides the plaintext", () => {
    const a = encryptSensitive("account-no", "6224264659257975");
    const b = encryptSensitive("account-no", "6224264659257975");
    expect(a).not.toBe(b);
    expect(a).not.toContain("6224264659257975");
    expect(decryptSensitive("account-no", a)).toBe("6224264659257975");
  });

  it("refuses a ciphertext moved to another purpose or tampered with", () => {
    const sealed = encryptSensitive("account-no", "6224264659257975");
    expect(() => decryptSensitive("resident-id", sealed)).toThrow();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSensitive("account-no", parts.join("."))).toThrow();
  });

  it("blind index is deterministic per purpose", () => {
    expect(blindIndex("account-no", "123")).toBe(blindIndex("account-no", "123"));
    expect(blindIndex("account-no", "123")).not.toBe(blindIndex("resident-id", "123"));
    expect(blindIndex("account-no", "123")).toMatch(/^[0-9a-f]{64}$/);
  });
});
