import { SEALED_LOCATIONS } from "@/lib/server/crypto/rotate-sealed-values";
import { decryptSensitive, SENSITIVE_PURPOSES, sealedKeyId } from "@/lib/server/crypto/sensitive";
import { database } from "@/lib/server/db";

/** Every row of every table as text: what a database dump would contain. */
export async function dumpAsText() {
  const { sql } = await database();
  const tables = await sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${tablename}" t`);
    parts.push(...rows.map((r) => `${tablename} ${r.row}`));
  }
  return parts.join("\n");
}

function open(sealed: string) {
  for (const purpose of SENSITIVE_PURPOSES) {
    try {
      return `${purpose}:${decryptSensitive(purpose, sealed)}`;
    } catch {}
  }
  throw new Error(`cannot open ${sealed}`);
}

function collect(value: unknown, at: string, out: Map<string, { keyId: string; plaintext: string }>) {
  if (typeof value === "string") {
    const keyId = sealedKeyId(value);
    if (keyId) out.set(at, { keyId, plaintext: open(value) });
  } else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collect(v, `${at}.${k}`, out);
}

/** Every sealed value in the known locations, opened: place → key id and plaintext (with its purpose). */
export async function openEverySealedValue() {
  const { sql } = await database();
  const out = new Map<string, { keyId: string; plaintext: string }>();
  for (const l of SEALED_LOCATIONS) {
    const rows = await sql.query<{ id: string; value: unknown }>(`SELECT id, "${l.column}" AS value FROM "${l.table}" WHERE "${l.column}" IS NOT NULL`);
    for (const row of rows) collect(row.value, `${l.table}.${l.column}:${row.id}`, out);
  }
  return out;
}
