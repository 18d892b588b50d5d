// A bench database on PostgreSQL with reference data and the demo users, a session made through the
// sign-in use case (as the form would), and the production build served over it.
import crypto from "node:crypto";
import { startApp, type AppProcess } from "../test/system/app-process";
import { createBenchDatabase } from "./lib";

export type BenchApp = {
  app: AppProcess;
  database: import("../lib/server/db").Database;
  /** A `cookie` header value for the demo user's new session. */
  sessionCookie: (username: "clerk" | "supervisor" | "auditor") => Promise<string>;
  close: () => Promise<void>;
};

/** `prepare` fills the database (already migrated) before the server starts. */
export async function startBenchApp(tag: string, port: number, prepare?: (db: BenchApp["database"]) => Promise<void>): Promise<BenchApp> {
  const bench = await createBenchDatabase(tag);
  Object.assign(process.env, {
    DATABASE_URL: bench.url,
    DATA_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: crypto.randomBytes(32).toString("base64"),
    SECURE_COOKIES: "0",
  });
  const { database } = await import("../lib/server/db");
  const db = await database().catch(async (err) => {
    await bench.drop();
    throw err;
  });
  let app: AppProcess | undefined;
  const close = async () => {
    await app?.stop();
    await db.close();
    await bench.drop();
  };
  try {
    const { seedReferenceData } = await import("../lib/server/reference/seed-reference-data");
    const { seedDemoUsers } = await import("../lib/server/demo/seed-demo-users");
    await seedReferenceData(db.prisma);
    await seedDemoUsers(db.prisma);
    await prepare?.(db);
    app = await startApp(port, { DATABASE_URL: bench.url });
  } catch (err) {
    await close();
    throw err;
  }
  const { signIn } = await import("../lib/server/auth/sign-in");
  const sessionCookie = async (username: string) => {
    const { token } = await signIn({ username, password: "PayeeGuard-demo-1" }, { ip: "127.0.0.9", userAgent: "bench" });
    return `payeeguard_session=${token}`;
  };
  return { app: app!, database: db, sessionCookie, close };
}
