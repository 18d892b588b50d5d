import "server-only";
import { verifyAuditHead } from "@/lib/server/audit/verify-head";
import { database } from "@/lib/server/db";
import { pendingMigrations } from "@/lib/server/db/migrations";

export async function checkHealth() {
  const started = performance.now();
  try {
    const db = await database();
    await db.sql.query("SELECT 1");
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const pending = (await pendingMigrations(db.sql)).map((m) => m.name);
    const audit = await verifyAuditHead(db.prisma);
    const ok = pending.length === 0 && audit.ok;
    return { ok, body: { status: ok ? "ok" : "degraded", database: { ok: true, engine: db.engine, latencyMs }, migrations: { current: pending.length === 0, pending }, auditChain: audit } };
  } catch (err) {
    return { ok: false, body: { status: "down", database: { ok: false, error: (err as Error).message.split("\n")[0] } } };
  }
}
