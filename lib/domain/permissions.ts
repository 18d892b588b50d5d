/**
 * The one map of who may do what. Server helpers enforce it on every action and route; the UI
 * reads the same map only to hide controls; the "Roles and duties" page is generated from it.
 */
export const ROLES = ["CLERK", "SUPERVISOR", "AUDITOR", "ADMIN"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  "merchant:read",
  "merchant:draft",
  "change:submit",
  "change:verify",
  "change:approve",
  "change:confirm",
  "flag:acknowledge",
  "account:unmask",
  "record:export",
  "spotcheck:manage",
  "spotcheck:perform",
  "reconciliation:run",
  "case:triage",
  "audit:read",
  "audit:verify",
  "dashboard:view",
  "user:manage",
  "settings:manage",
  "reference:manage",
  "api-token:manage",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  CLERK: ["merchant:read", "merchant:draft", "change:submit", "change:verify", "change:confirm"],
  SUPERVISOR: ["merchant:read", "change:approve", "flag:acknowledge", "account:unmask", "record:export", "dashboard:view"],
  AUDITOR: [
    "merchant:read",
    "account:unmask",
    "record:export",
    "spotcheck:manage",
    "spotcheck:perform",
    "reconciliation:run",
    "case:triage",
    "audit:read",
    "audit:verify",
    "dashboard:view",
  ],
  // Admins run the system, never the business: no merchant data, no approvals.
  ADMIN: ["user:manage", "settings:manage", "reference:manage", "audit:verify", "api-token:manage"],
};

/** What each role must never do, enforced per record on top of the permission map. */
export const ROLE_PROHIBITIONS: Record<TRole, readonly string[]> = {
  CLERK: ["approve", "verify-own-entry"],
  SUPERVISOR: ["approve-own-entry-or-verification", "edit-master-data"],
  AUDITOR: ["edit-master-data", "check-own-or-approved-record"],
  ADMIN: ["approve-business-changes", "hold-business-role"],
};

export function hasPermission(role: TRole | null | undefined, permission: TPermission): boolean {
  return !!role && ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles that hold approval or system power must pass a second factor when MFA is required. */
export function roleNeedsMfa(role: TRole) {
  return role === "SUPERVISOR" || role === "ADMIN";
}
