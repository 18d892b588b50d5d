import type { SqlRunner } from "@/lib/server/db/sql-runner";

/** Per table: row count and an md5 of every row as JSON in primary-key order — equal means identical data. */
export async function tableFingerprints(sql: Pick<SqlRunner, "query">) {
  const tables = await sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { tablename } of tables) {
    const pk = await sql.query<{ attname: string }>(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [`"${tablename}"`],
    );
    const order = pk.length ? pk.map((c) => `t."${c.attname}"`).join(", ") : "row_to_json(t)::text";
    const [row] = await sql.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM "${tablename}" t`,
    );
    out[tablename] = row!;
  }
  return out;
}
