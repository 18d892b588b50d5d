import "server-only";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

export type DatabaseState = { serverVersion: string; migrationHead: string | null; audit: { seq: string; hash: string } };

/** What a manifest records and a restore is checked against: schema version and audit head. */
export async function databaseState(sql: Pick<SqlRunner, "query">): Promise<DatabaseState> {
  const [version] = await sql.query<{ server_version: string }>(`SHOW server_version`);
  const [migration] = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  const [head] = await sql.query<{ seq: string; hash: string }>(`SELECT seq::text AS seq, hash FROM "AuditChainHead" WHERE id = 1`);
  return { serverVersion: version?.server_version ?? "?", migrationHead: migration?.migration_name ?? null, audit: { seq: head?.seq ?? "0", hash: head?.hash ?? "" } };
}
