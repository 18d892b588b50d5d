import "server-only";
import type { z } from "zod";
import { logger } from "@/lib/server/logger";

export type UseCaseErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "MFA_REQUIRED"
  | "FORBIDDEN"
  | "SEGREGATION"
  | "NOT_FOUND"
  | "CONFLICT"
  | "LOCKED"
  | "THROTTLED"
  | "RATE_LIMITED"
  | "INVALID_CREDENTIALS"
  | "MAINTENANCE";

export const HTTP_STATUS: Record<UseCaseErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_REQUIRED: 403,
  FORBIDDEN: 403,
  SEGREGATION: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  THROTTLED: 429,
  RATE_LIMITED: 429,
  INVALID_CREDENTIALS: 401,
  MAINTENANCE: 503,
};

export type FieldErrors = Record<string, string[]>;

/** A refusal a user can act on. `message` is an i18n key under "errors.". */
export class UseCaseError extends Error {
  constructor(
    readonly code: UseCaseErrorCode,
    readonly fieldErrors: FieldErrors = {},
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    // Only our own message keys travel; anything else (a library's English text) becomes generic.
    (out[key] ??= []).push(/^(validation|field)\./.test(issue.message) ? issue.message : "validation.invalid");
  }
  return out;
}

// NUL and unpaired UTF-16 surrogates cannot be stored in PostgreSQL text or jsonb: the write would
// fail mid-transaction. No keyboard types them; refuse them with the field named, before any rule.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableText(value: unknown, path: string[] = [], seen = new WeakSet<object>()): FieldErrors {
  if (typeof value === "string") return UNSTORABLE.test(value) ? { [path.join(".") || "_form"]: ["validation.unstorableText"] } : {};
  if (!value || typeof value !== "object" || seen.has(value)) return {};
  seen.add(value);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Object.assign({}, ...entries.map(([k, v]) => unstorableText(v, [...path, String(k)], seen)));
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable = unstorableText(input);
  if (Object.keys(unstorable).length) throw new UseCaseError("VALIDATION", unstorable);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UseCaseError("VALIDATION", fieldErrorsOf(parsed.error));
  return parsed.data;
}

export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; code: UseCaseErrorCode | "UNEXPECTED"; fieldErrors: FieldErrors; params: Record<string, string | number> };

/**
 * Adapters call this so every refusal reaches the user as a typed result, never a bare 500.
 * Every action counts as a mutation and is refused while the app is read-only unless it is marked
 * "read-only-safe" (reads, sign-in steps, the locale, the maintenance switch itself) — failing closed.
 */
export async function asActionResult<T>(run: () => Promise<T>, kind: "mutation" | "read-only-safe" = "mutation"): Promise<ActionResult<T>> {
  try {
    if (kind === "mutation") await (await import("@/lib/server/maintenance/guard")).assertWritable();
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof UseCaseError) return { ok: false, code: err.code, fieldErrors: err.fieldErrors, params: err.params };
    // Next.js signals redirect()/notFound() by throwing; those must pass through.
    if (err && typeof err === "object" && "digest" in err && String((err as { digest: unknown }).digest).startsWith("NEXT_")) throw err;
    logger.error({ err }, "unexpected error in a mutation");
    return { ok: false, code: "UNEXPECTED", fieldErrors: {}, params: {} };
  }
}
