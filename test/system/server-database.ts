import { afterAll, beforeAll } from "vitest";
import { installDatabaseForTests, type Database } from "@/lib/server/db";
import { signIn } from "@/lib/server/auth/sign-in";
import { sessionCookieName } from "@/lib/server/auth/session-cookie";
import { seedDemoUsers } from "@/lib/server/demo/seed-demo-users";
import { DEMO_PASSWORD } from "@/lib/server/demo/demo-users";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";
import { freshDatabase } from "@/test/integration/fresh-database";

/** Which suites need a PostgreSQL server: they are skipped (and say so) without DATABASE_URL. */
export const onPostgres = !!process.env.DATABASE_URL;

/**
 * A fresh database on the PostgreSQL server for this file, migrated, with reference data and the
 * demo users; the test process holds one pool on it, the app processes their own.
 */
export function useServerDatabase() {
  const handle: { db?: Database; url?: string } = {};
  beforeAll(async () => {
    const db = await freshDatabase();
    installDatabaseForTests(db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${db.name}`;
    Object.assign(handle, { db, url: url.toString() });
    await seedReferenceData(db.prisma);
    await seedDemoUsers(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await handle.db?.close();
  });
  return handle as { db: Database; url: string };
}

/** A session made by the sign-in use case itself, as the sign-in form would, as a Cookie header. */
export async function sessionCookie(username: string, ip = "127.0.0.20") {
  const { token } = await signIn({ username, password: DEMO_PASSWORD }, { ip, userAgent: "system-suite" });
  return `${sessionCookieName()}=${token}`;
}
