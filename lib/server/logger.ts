import "server-only";
import pino from "pino";
import { env } from "@/lib/server/env";

// Structured logs; account numbers and IDs never reach them (callers log ids, not values).
export const logger = pino({
  level: env().LOG_LEVEL,
  redact: { paths: ["password", "*.password", "token", "*.token", "accountNo", "*.accountNo", "idNumber", "*.idNumber"], censor: "[redacted]" },
  base: { app: "payeeguard" },
});
