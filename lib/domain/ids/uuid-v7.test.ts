import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { uuidV7 } from "./uuid-v7";

describe("UUID version 7", () => {
  it("lays out the RFC 9562 test vector: time 2022-02-22T19:22:22Z, version 7, variant 10", () => {
    const random = Uint8Array.from([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
    expect(uuidV7(0x017f22e279b0, random)).toBe("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
  });

  it("sorts later ids after earlier ones, as text", () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000, 2_000_000_000_000].map((t) => uuidV7(t, crypto.randomBytes(10)));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("refuses too few random bytes", () => {
    expect(() => uuidV7(0, new Uint8Array(9))).toThrow(RangeError);
  });
});
