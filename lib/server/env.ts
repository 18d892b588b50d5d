import "server-only";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off"])
  .transform((v) => v === "1" || v === "true" || v === "on");

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  REQUIRE_MFA: flag.optional(),
  SECURE_COOKIES: flag.optional(),
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // "k1:<base64 32 bytes>,k2:<base64 32 bytes>"; the active one encrypts, all decrypt (rotation).
  DATA_ENCRYPTION_KEYS: z.string().regex(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44})*$/).optional(),
  DATA_ENCRYPTION_ACTIVE_KEY: z.string().optional(),
  BLIND_INDEX_KEY: z.string().regex(/^[A-Za-z0-9+/=]{43,44}$/).optional(),
  // Plain reconciliation files copied by PostgreSQL as text (decision 045); "off" reads every file in the app.
  RECONCILIATION_PLAIN_COPY: flag.optional(),
});

export type TEnv = z.infer<typeof ZEnvSchema> & {
  embedded: boolean;
  requireMfa: boolean;
  secureCookies: boolean;
  reconciliationPlainCopy: boolean;
  dataDir: string;
  pgliteDir: string;
  checkpointDir: string;
};

function readEnv(): TEnv {
  const parsed = ZEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`PayeeGuard cannot start: invalid environment variables\n${problems}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR);
  return {
    ...e,
    embedded,
    // MFA for supervisors and admins is on by default wherever real data lives (a server database).
    requireMfa: e.REQUIRE_MFA ?? !embedded,
    // The embedded demo is served over plain http on a workstation; a server deployment is not.
    secureCookies: e.SECURE_COOKIES ?? (e.NODE_ENV === "production" && !embedded),
    reconciliationPlainCopy: e.RECONCILIATION_PLAIN_COPY ?? true,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    checkpointDir: path.resolve(/*turbopackIgnore: true*/ e.AUDIT_CHECKPOINT_DIR ?? path.join(dataDir, "audit-checkpoints")),
  };
}

let cached: TEnv | undefined;
export function env(): TEnv {
  cached ??= readEnv();
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests() {
  cached = undefined;
}
