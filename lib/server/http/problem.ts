import "server-only";
import { HTTP_STATUS, type FieldErrors, type UseCaseError } from "@/lib/server/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Titles for integrators (RFC 9457 "title" is for developers); field messages stay i18n keys. */
const TITLES: Record<string, string> = {
  VALIDATION: "The request is not valid",
  UNAUTHENTICATED: "Authentication required",
  PASSWORD_CHANGE_REQUIRED: "Password change required",
  MFA_REQUIRED: "Second factor required",
  FORBIDDEN: "Not permitted",
  SEGREGATION: "Segregation of duties",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict with the current state",
  LOCKED: "Locked",
  THROTTLED: "Too many requests",
  RATE_LIMITED: "Too many requests",
  INVALID_CREDENTIALS: "Invalid credentials",
  MAINTENANCE: "Read-only during maintenance",
  IDEMPOTENCY_MISMATCH: "Idempotency-Key reused with a different request",
  IDEMPOTENCY_IN_PROGRESS: "A request with this Idempotency-Key is still running",
  UNEXPECTED: "Unexpected error",
};

export type TProblem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  /** Field-level errors: a JSON pointer into the request body and the message key for each. */
  errors: { pointer: string; field: string; messages: string[] }[];
  fieldErrors: FieldErrors;
  params: Record<string, string | number>;
};

export function problem(code: string, status: number, fieldErrors: FieldErrors = {}, params: Record<string, string | number> = {}, detail?: string): TProblem {
  return {
    type: `/api-docs#problem-${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[code] ?? code,
    status,
    code,
    ...(detail ? { detail } : {}),
    errors: Object.entries(fieldErrors).map(([field, messages]) => ({ pointer: field.startsWith("_") ? "" : `/${field.split(".").join("/")}`, field, messages })),
    fieldErrors,
    params,
  };
}

export function problemOf(err: UseCaseError): TProblem {
  return problem(err.code, err.code === "VALIDATION" ? 422 : HTTP_STATUS[err.code], err.fieldErrors, err.params);
}

export function problemResponse(body: TProblem, headers: Record<string, string> = {}) {
  return Response.json(body, { status: body.status, headers: { "Cache-Control": "no-store", "Content-Type": PROBLEM_CONTENT_TYPE, ...headers } });
}

/** While read-only: 503 with Retry-After, so integrations back off instead of retrying at once. */
export function refusal(err: UseCaseError): { status: number; body: TProblem; headers: Record<string, string> } {
  const headers: Record<string, string> = { "Content-Type": PROBLEM_CONTENT_TYPE };
  if (err.code === "MAINTENANCE") headers["Retry-After"] = String(err.params.retryAfterSeconds ?? 300);
  if (err.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="payeeguard"';
  const body = problemOf(err);
  return { status: body.status, body, headers };
}
