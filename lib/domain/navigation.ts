import type { TPermission } from "./permissions";

/** The app shell's navigation; an entry shows only to roles holding its permission. */
export const NAVIGATION: { href: string; label: string; permission?: TPermission }[] = [
  { href: "/", label: "nav.home" },
  { href: "/dashboard", label: "nav.dashboard", permission: "dashboard:view" },
  { href: "/my-work", label: "nav.myWork", permission: "merchant:draft" },
  { href: "/applications/new", label: "nav.newApplication", permission: "merchant:draft" },
  { href: "/imports", label: "nav.imports", permission: "change:submit" },
  { href: "/merchants", label: "nav.merchants", permission: "merchant:read" },
  { href: "/change-requests", label: "nav.changeRequests", permission: "merchant:read" },
  { href: "/verify", label: "nav.verify", permission: "change:verify" },
  { href: "/confirmations", label: "nav.confirmations", permission: "change:confirm" },
  { href: "/approvals", label: "nav.approvals", permission: "change:approve" },
  { href: "/audit", label: "nav.audit", permission: "audit:read" },
  { href: "/audit/verify", label: "nav.auditVerify", permission: "audit:verify" },
  { href: "/spot-checks", label: "nav.spotChecks", permission: "spotcheck:manage" },
  { href: "/spot-checks/mine", label: "nav.mySpotChecks", permission: "spotcheck:perform" },
  { href: "/cases", label: "nav.cases", permission: "case:triage" },
  { href: "/reconciliation", label: "nav.reconciliation", permission: "reconciliation:run" },
  { href: "/admin/users", label: "nav.users", permission: "user:manage" },
  { href: "/admin/reference", label: "nav.reference", permission: "reference:manage" },
  { href: "/admin/settings", label: "nav.settings", permission: "settings:manage" },
  { href: "/admin/maintenance", label: "nav.maintenance", permission: "settings:manage" },
  { href: "/admin/status", label: "nav.status", permission: "settings:manage" },
  { href: "/admin/api-tokens", label: "nav.apiTokens", permission: "api-token:manage" },
  { href: "/api-docs", label: "nav.apiDocs", permission: "api-token:manage" },
  { href: "/roles", label: "nav.roles" },
];

/** The entry the user is in: its path is the longest prefix of the current one ("/audit/verify" over "/audit"). */
export function currentEntry(hrefs: readonly string[], pathname: string): string | undefined {
  const matches = hrefs.filter((href) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`)));
  return matches.sort((a, b) => b.length - a.length)[0];
}
