import fs from "node:fs";
import path from "node:path";
import type { TRole } from "../lib/domain/permissions";

/**
 * Who may open which address. This table is the expectation, written by hand from the product
 * rules; it is deliberately NOT derived from lib/domain/permissions.ts, so a wrong permission in
 * the code shows up as a failing cell of the role × route matrix.
 *
 * Every page.tsx and route.ts under app/ must have an entry here (route-access.spec.ts fails on a
 * route nobody classified, and on an entry no file backs any more).
 */
export type Access =
  /** Anyone, signed in or not. */
  | "public"
  /** Only people who are not signed in; a signed-in user is sent home ("/"). */
  | "anonymous-only"
  /** Any signed-in user, whatever the role. */
  | "signed-in"
  /** Only these roles; other signed-in users are sent to /forbidden. */
  | readonly TRole[];

export type RouteRule = {
  access: Access;
  /**
   * Where an allowed visitor ends up when the page hands them on by design, e.g. /mfa sends a
   * user without an authenticator to /mfa/enroll. Default: the page itself.
   */
  landsOn?: string;
  /**
   * Dynamic segments: "admin-user-id" is the demo admin's real id, read off the users list;
   * "unknown" is a well-formed id of nothing, for records only other features create: allowed
   * roles then get the page's 404 (the permission gate let them through), denied ones the usual
   * redirect.
   */
  params?: Record<string, "admin-user-id" | "unknown">;
  /** Route handlers: the method and JSON body to probe with (default GET, no body). */
  request?: { method: "GET" | "POST"; json?: unknown };
  /** Why the rule is what it is, for the next reader. */
  why: string;
};

// Roles that work on merchant data; admins run the system and never see it.
const BUSINESS: readonly TRole[] = ["CLERK", "SUPERVISOR", "AUDITOR"];

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  // pages everyone signed in has
  "/": { access: "signed-in", why: "Home: every role has a workbench." },
  "/roles": { access: "signed-in", why: "Roles and duties: generated from the permission map, readable by all staff." },
  "/account/password": { access: "signed-in", why: "Everyone may change their own password (and some must)." },
  "/mfa": { access: "signed-in", landsOn: "/mfa/enroll", why: "Second-factor prompt; users without an authenticator are sent to enrol." },
  "/mfa/enroll": { access: "signed-in", why: "Any user may enrol an authenticator." },
  // public
  "/sign-in": { access: "anonymous-only", why: "Signed-in users have nothing to do here and are sent home." },
  "/forbidden": { access: "public", why: "The refusal page itself." },
  "/ping": { access: "public", why: "Bare dynamic page, the benchmarks' baseline (decision 037); no data, not in the navigation." },
  "/report": { access: "public", why: "Cardholders report a wrong payee without an account; staff signed in see the same page." },
  // merchant work
  "/my-work": { access: ["CLERK"], why: "A clerk's own drafts and returned entries (merchant:draft)." },
  "/applications/new": { access: ["CLERK"], why: "Entering a merchant application is a clerk's job (merchant:draft)." },
  "/applications/[draftId]": { access: ["CLERK"], params: { draftId: "unknown" }, why: "Editing a draft (merchant:draft)." },
  // audit
  "/audit": { access: ["AUDITOR"], why: "The audit trail is read by auditors only (audit:read); supervisors and admins are its subjects." },
  "/audit/[seq]": { access: ["AUDITOR"], params: { seq: "unknown" }, why: "One audit event in detail (audit:read)." },
  "/audit/export": { access: ["AUDITOR"], why: "CSV export of the trail (audit:read and record:export)." },
  "/audit/verify": { access: ["AUDITOR", "ADMIN"], why: "Re-verifying the hash chain (audit:verify): auditors, and admins who run the system." },
  "/merchants": { access: BUSINESS, why: "Merchant records, masked (merchant:read); never admins." },
  "/merchants/export": { access: ["SUPERVISOR", "AUDITOR"], why: "Masked export of approved merchants, CSV or Excel (record:export); audited." },
  "/imports": { access: ["CLERK"], why: "Bulk import of merchant applications and changes: every row becomes a clerk's change request (change:submit)." },
  "/imports/upload": { access: ["CLERK"], request: { method: "POST", json: {} }, why: "Uploading an import file (change:submit); the JSON probe is refused as no file (422)." },
  "/imports/template": { access: ["CLERK"], why: "The empty import file, CSV or Excel (change:submit)." },
  "/imports/[id]/errors": { access: ["CLERK"], params: { id: "unknown" }, why: "An import's row-level error report (change:submit)." },
  "/merchants/[id]": { access: BUSINESS, params: { id: "unknown" }, why: "One merchant (merchant:read)." },
  "/merchants/[id]/change": { access: ["CLERK"], params: { id: "unknown" }, why: "Requesting a change to an approved merchant is a clerk's job (change:submit)." },
  "/change-requests": { access: BUSINESS, why: "Change requests (merchant:read)." },
  "/change-requests/[id]": { access: BUSINESS, params: { id: "unknown" }, why: "One change request's review (merchant:read)." },
  "/change-requests/[id]/correct": { access: ["CLERK"], params: { id: "unknown" }, why: "The maker corrects a returned request (change:submit); another clerk is refused on the page." },
  "/verify": { access: ["CLERK"], why: "Blind re-key queue: clerks verify other clerks' entries (change:verify)." },
  "/verify/[id]": { access: ["CLERK"], params: { id: "unknown" }, why: "One blind re-key (change:verify)." },
  "/approvals": { access: ["SUPERVISOR"], why: "Approval queue (change:approve): supervisors only." },
  "/confirmations": { access: ["CLERK"], why: "Approved account changes awaiting the confirmation call: clerks make it (change:confirm)." },
  "/confirmations/[id]": { access: ["CLERK"], params: { id: "unknown" }, why: "Recording one confirmation call (change:confirm)." },
  "/dashboard": { access: ["SUPERVISOR", "AUDITOR"], why: "Dashboard (dashboard:view): supervisors steer queues and training; auditors also see campaigns and cases. Clerks would see colleagues' quality; admins run the system, not the business." },
  "/cases": { access: ["AUDITOR"], why: "Cases are for auditors to triage (case:triage)." },
  // spot checks
  "/spot-checks": { access: ["AUDITOR"], why: "Spot-check campaigns are planned and reported by auditors (spotcheck:manage)." },
  "/spot-checks/new": { access: ["AUDITOR"], why: "Drawing a campaign needs spotcheck:manage." },
  "/spot-checks/mine": { access: ["AUDITOR"], why: "An auditor's own pending spot-check items (spotcheck:perform)." },
  "/spot-checks/[id]": { access: ["AUDITOR"], params: { id: "unknown" }, why: "One campaign's progress and report (spotcheck:manage)." },
  "/spot-checks/items/[id]": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Checking one drawn record (spotcheck:perform)." },
  "/cases/[id]": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Working one case (case:triage); clerks see correction cases on /my-work, never the auditors' case screens." },
  // system administration
  "/admin/users": { access: ["ADMIN"], why: "User administration needs user:manage." },
  "/admin/users/new": { access: ["ADMIN"], why: "Creating users needs user:manage." },
  "/admin/users/[id]": { access: ["ADMIN"], params: { id: "admin-user-id" }, why: "User detail and its actions need user:manage." },
  "/admin/reference": { access: ["ADMIN"], why: "Reference data (MCC, card BINs) needs reference:manage." },
  "/admin/settings": { access: ["ADMIN"], why: "System settings (hold period, risk thresholds) need settings:manage." },
  "/admin/maintenance": { access: ["ADMIN"], why: "Scheduling maintenance windows and the read-only switch need settings:manage." },
  "/admin/status": { access: ["ADMIN"], why: "The system status page (health in plain words) needs settings:manage." },
  "/admin/api-tokens": { access: ["ADMIN"], why: "Listing and revoking API tokens needs api-token:manage." },
  "/admin/api-tokens/new": { access: ["ADMIN"], why: "Creating an API token needs api-token:manage." },
  "/api-docs": { access: "signed-in", why: "The API's documentation: no data, useful to anyone working with an integration." },
  // route handlers
  "/spot-checks/[id]/export/csv": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Campaign report as CSV (spotcheck:manage and record:export); audited." },
  "/spot-checks/[id]/export/xlsx": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Campaign report as Excel (spotcheck:manage and record:export); audited." },
  "/api/health": { access: "public", why: "Load-balancer probe; reveals no business data." },
  "/reconciliation": { access: ["AUDITOR"], why: "Uploading and running transaction reconciliation is an auditor's job (reconciliation:run)." },
  "/reconciliation/[id]": { access: ["AUDITOR"], params: { id: "unknown" }, why: "One run's progress, rejected rows and findings summary (reconciliation:run)." },
  "/reconciliation/[id]/findings": { access: ["AUDITOR"], params: { id: "unknown" }, why: "A run's findings with case and spot-check actions (reconciliation:run)." },
  "/reconciliation/[id]/progress": { access: ["AUDITOR"], params: { id: "unknown" }, why: "The run row the progress bar polls (reconciliation:run)." },
  "/reconciliation/[id]/export/csv": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Findings as CSV (reconciliation:run and record:export); audited." },
  "/reconciliation/[id]/export/xlsx": { access: ["AUDITOR"], params: { id: "unknown" }, why: "Findings as Excel (reconciliation:run and record:export); audited." },
  "/reconciliation/upload": { access: ["AUDITOR"], request: { method: "POST", json: {} }, why: "Uploading a transaction file needs reconciliation:run." },
  "/api/v1/ping": { access: "public", request: { method: "POST", json: {} }, why: "Bare JSON route, the benchmark's baseline; no data." },
  "/api/v1/applications": { access: ["CLERK"], request: { method: "POST", json: {} }, why: "Submitting an application needs change:submit." },
  "/api/v1/merchants/[id]/changes": { access: ["CLERK"], params: { id: "unknown" }, request: { method: "POST", json: {} }, why: "Requesting a merchant change needs change:submit." },
  "/api/v1/merchants": { access: BUSINESS, why: "Approved merchants, masked (merchant:read)." },
  "/api/v1/merchants/[id]": { access: BUSINESS, params: { id: "unknown" }, why: "One approved merchant, masked (merchant:read)." },
  "/api/v1/change-requests/[id]": { access: BUSINESS, params: { id: "unknown" }, why: "A change request's status (merchant:read)." },
  "/api/v1/openapi.json": { access: "public", why: "The API's OpenAPI document: schemas only, no data." },
};

/** A well-formed id that names no record. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export type DiscoveredRoute = { route: string; kind: "page" | "handler"; file: string };

const APP_DIR = path.resolve(__dirname, "..", "app");

/**
 * Every page.tsx and route.ts under app/, as the URL pattern Next.js serves it at: route groups
 * "(x)" stripped, dynamic segments kept as "[id]" for the caller to fill in.
 */
export function discoverRoutes(appDir = APP_DIR): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Private folders (_x) are not routes; parallel-route slots (@x) would need their own handling.
        if (entry.name.startsWith("_")) continue;
        if (entry.name.startsWith("@")) throw new Error(`parallel route slot ${full}: teach discoverRoutes about it`);
        walk(full);
        continue;
      }
      const match = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/.exec(entry.name);
      if (!match) continue;
      const segments = path
        .relative(appDir, dir)
        .split(path.sep)
        .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
      found.push({ route: `/${segments.join("/")}`, kind: match[1] === "page" ? "page" : "handler", file: path.relative(path.resolve(appDir, ".."), full) });
    }
  };
  walk(appDir);
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

/** The dynamic segment names of a route pattern, e.g. ["id"] for /admin/users/[id]. */
export function segmentsOf(route: string): string[] {
  return [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

/** Replaces each dynamic segment "[name]" with params[name]; fails on one it has no value for. */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for dynamic segment [${name}] in ${route}`);
    return encodeURIComponent(value);
  });
}

export function isAllowed(access: Access, role: TRole | null): boolean {
  if (access === "public") return true;
  if (access === "anonymous-only") return role === null;
  if (access === "signed-in") return role !== null;
  return role !== null && access.includes(role);
}

/** Where a denied visitor must end up. */
export function deniedDestination(access: Access, role: TRole | null): string {
  if (access === "anonymous-only") return "/";
  return role === null ? "/sign-in" : "/forbidden";
}
