import type { TApiScope } from "../api-tokens/scopes";
import type { TMerchantApplicationInput } from "../merchant/application-schema";

type TSchemaName =
  | "ApplicationRequest" | "MerchantChangeRequest" | "SubmissionResult" | "ValidationResult" | "MerchantPage" | "MerchantDetail" | "ChangeRequestStatus" | "Problem";

export type TApiOperation = {
  method: "get" | "post";
  /** Relative to /api/v1, OpenAPI style ({id}). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  scope: TApiScope | null;
  pathParameters: string[];
  pathParameterDescription?: string;
  query?: "merchants";
  dryRun?: boolean;
  requestBody?: TSchemaName;
  requestExample?: unknown;
  success: { status: number; description: string; schema: TSchemaName | null; example?: unknown };
  problems: Record<string, string>;
};

const EXAMPLE_APPLICATION: TMerchantApplicationInput = {
  merchant: {
    type: "ENTERPRISE", legalName: "福州示例贸易有限公司", receiptName: "示例贸易", creditCode: "91350102MA2Y8K3Q0C", legalRepName: "林示例",
    legalRepId: "110101198503121239", phone: "13912345678", mcc: "5411", divisionCode: "350102", street: "五四路 1 号",
  },
  account: {
    accountType: "CORPORATE", accountName: "福州示例贸易有限公司", accountNo: "3502123456789012", bankCode: "102", branchName: "工行福州分行",
    cnaps: "102391012349", thirdPartyAuthRef: "", thirdPartyAuthDate: "",
  },
  terminals: [{ terminalId: "35010201", serialNo: "SN0000000001", installAddress: "五四路 1 号收银台" }],
};

const WRITE_PROBLEMS = {
  "409": "The merchant changed meanwhile, a request is already open for it, or a request with this Idempotency-Key is still running.",
  "422": "Invalid body (every field error at once), duplicate or unknown reference data, or an Idempotency-Key reused with another body.",
  "503": "Read-only during maintenance; retry after Retry-After seconds.",
};

/** The operations of /api/v1: the OpenAPI document and the /api-docs page are rendered from this list. */
export const API_OPERATIONS: TApiOperation[] = [
  {
    method: "post", path: "/applications", operationId: "submitApplication", tag: "Applications", scope: "applications:write", pathParameters: [], dryRun: true,
    summary: "Submit a merchant application",
    description: "Creates a change request awaiting blind verification by another clerk, then approval by a supervisor. Findings (possible duplicates) go to the reviewer.",
    requestBody: "ApplicationRequest", requestExample: { data: EXAMPLE_APPLICATION },
    success: { status: 201, description: "Submitted.", schema: "SubmissionResult", example: { changeRequestId: "2f0c…", reference: "CR-20261202-7K3Q", findings: [] } },
    problems: WRITE_PROBLEMS,
  },
  {
    method: "post", path: "/merchants/{id}/changes", operationId: "submitMerchantChange", tag: "Merchants", scope: "merchant-changes:write", pathParameters: ["id"],
    pathParameterDescription: "The approved merchant's id.", dryRun: true,
    summary: "Request a change to an approved merchant",
    description: "The full record as it should be, against the version read. Blank legalRepId or accountNo keeps the number on file. Goes through the same verification and approval; a new receiving account waits for confirmation.",
    requestBody: "MerchantChangeRequest", requestExample: { merchantVersion: 3, data: { ...EXAMPLE_APPLICATION, merchant: { ...EXAMPLE_APPLICATION.merchant, legalRepId: "" }, account: { ...EXAMPLE_APPLICATION.account, accountNo: "" } } },
    success: { status: 201, description: "Submitted.", schema: "SubmissionResult" },
    problems: { "404": "No approved merchant with this id (or it is closed).", ...WRITE_PROBLEMS },
  },
  {
    method: "get", path: "/merchants", operationId: "listMerchants", tag: "Merchants", scope: "merchants:read", pathParameters: [], query: "merchants",
    summary: "List approved merchants (masked)",
    description: "Newest change first; filter by exact merchant number or name prefix; follow nextCursor for the next page. Account numbers are shown as their last four digits only.",
    success: { status: 200, description: "One page.", schema: "MerchantPage" },
    problems: { "422": "A bad filter or cursor." },
  },
  {
    method: "get", path: "/merchants/{id}", operationId: "getMerchant", tag: "Merchants", scope: "merchants:read", pathParameters: ["id"],
    pathParameterDescription: "The merchant's id or merchant number.",
    summary: "One approved merchant (masked)",
    description: "The version in force: details, receiving account (last four digits), terminals.",
    success: { status: 200, description: "The merchant.", schema: "MerchantDetail" },
    problems: { "404": "No approved merchant with this id or number." },
  },
  {
    method: "get", path: "/change-requests/{id}", operationId: "getChangeRequestStatus", tag: "Change requests", scope: "change-requests:read", pathParameters: ["id"],
    pathParameterDescription: "The change request's id or reference.",
    summary: "Status of a change request",
    description: "AWAITING_VERIFICATION → AWAITING_APPROVAL (→ AWAITING_SECOND_APPROVAL) → PENDING_CONFIRMATION (account changes) → EFFECTIVE; or RETURNED, REJECTED, CANCELLED.",
    success: { status: 200, description: "The status.", schema: "ChangeRequestStatus" },
    problems: { "404": "No change request with this id or reference." },
  },
  {
    method: "get", path: "/openapi.json", operationId: "getOpenApiDocument", tag: "Meta", scope: null, pathParameters: [],
    summary: "This document", description: "OpenAPI 3.1, generated from the zod schemas the handlers validate with. No sign-in needed.",
    success: { status: 200, description: "The document.", schema: null }, problems: {},
  },
  {
    method: "post", path: "/ping", operationId: "ping", tag: "Meta", scope: null, pathParameters: [],
    summary: "Echo (benchmark baseline)", description: "A bare JSON route with no authentication or database: the benchmark's measure of what the framework itself costs.",
    success: { status: 200, description: "{ ok: true }.", schema: null }, problems: {},
  },
];
