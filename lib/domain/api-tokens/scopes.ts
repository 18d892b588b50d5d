import type { TPermission } from "../permissions";

export const API_SCOPES = ["applications:write", "merchant-changes:write", "merchants:read", "change-requests:read"] as const;
export type TApiScope = (typeof API_SCOPES)[number];

/**
 * What each scope lets a token do. No scope reaches verification, approval, confirmation or
 * unmasking: an integration makes changes, people check them (decision 022).
 */
export const SCOPE_PERMISSIONS: Record<TApiScope, readonly TPermission[]> = {
  "applications:write": ["change:submit"],
  "merchant-changes:write": ["change:submit"],
  "merchants:read": ["merchant:read"],
  "change-requests:read": ["merchant:read"],
};

/** The ceiling for any token, whatever its scopes or its clerk's role. */
export const TOKEN_PERMISSION_CEILING: readonly TPermission[] = ["change:submit", "merchant:read"];

export function tokenHasPermission(scopes: readonly string[], permission: TPermission): boolean {
  if (!TOKEN_PERMISSION_CEILING.includes(permission)) return false;
  return scopes.some((s) => (API_SCOPES as readonly string[]).includes(s) && SCOPE_PERMISSIONS[s as TApiScope].includes(permission));
}

export function isApiScope(value: unknown): value is TApiScope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}
