import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "../permissions";
import { API_SCOPES, SCOPE_PERMISSIONS, tokenHasPermission } from "./scopes";
import { TOKEN_PATTERN, ZCreateApiTokenSchema } from "./schemas";

describe("API token scopes", () => {
  it("never grant verification, approval, confirmation or unmasking, whatever the scopes", () => {
    for (const permission of ["change:verify", "change:approve", "change:confirm", "flag:acknowledge", "account:unmask"] as const) {
      expect(tokenHasPermission(API_SCOPES, permission)).toBe(false);
      expect(tokenHasPermission([...API_SCOPES, permission], permission)).toBe(false);
    }
    expect(Object.values(SCOPE_PERMISSIONS).flat()).not.toContain("change:verify");
  });

  it("grant exactly what their scopes map to", () => {
    expect(tokenHasPermission(["merchants:read"], "merchant:read")).toBe(true);
    expect(tokenHasPermission(["merchants:read"], "change:submit")).toBe(false);
    expect(tokenHasPermission(["applications:write"], "change:submit")).toBe(true);
    expect(tokenHasPermission(["unknown:scope"], "merchant:read")).toBe(false);
    expect(PERMISSIONS.filter((p) => tokenHasPermission(API_SCOPES, p)).sort()).toEqual(["change:submit", "merchant:read"]);
  });

  it("the create form reports every problem at once", () => {
    const parsed = ZCreateApiTokenSchema.safeParse({ name: "x", scopes: [], actingUserId: "", lifetime: "forever" });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["name", "scopes", "actingUserId", "lifetime"]));
  });

  it("recognises the token format", () => {
    expect(TOKEN_PATTERN.test(`pg_live_abcdefABCDEF_${"a".repeat(43)}`)).toBe(true);
    expect(TOKEN_PATTERN.test(`pg_test_abcdefABCDEF_${"a".repeat(43)}`)).toBe(false);
  });
});
