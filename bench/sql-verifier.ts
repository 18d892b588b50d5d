// An audit chain verifier written in SQL alone: the baseline for the app's verifier, and a second,
// independent implementation of lib/domain/audit/canonical.ts (keys sorted by code unit at every
// depth, no whitespace, timestamps as epoch milliseconds). Benchmark-only: never installed in the app.

export const SQL_CANONICAL_FUNCTION = `
CREATE OR REPLACE FUNCTION bench_canonical(j jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF j IS NULL THEN RETURN 'null'; END IF;
  CASE jsonb_typeof(j)
    WHEN 'object' THEN
      RETURN '{' || COALESCE((SELECT string_agg(to_json(k)::text || ':' || bench_canonical(v), ',' ORDER BY k COLLATE "C") FROM jsonb_each(j) AS e(k, v)), '') || '}';
    WHEN 'array' THEN
      RETURN '[' || COALESCE((SELECT string_agg(bench_canonical(v), ',' ORDER BY n) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, n)), '') || ']';
    ELSE RETURN j::text;
  END CASE;
END $$`;

const text = (column: string) => `COALESCE(to_json(${column})::text, 'null')`;

/** One row: the first event whose link or hash is wrong (null when intact), and how many were checked. */
export const SQL_VERIFY_CHAIN = `
SELECT (min(seq) FILTER (WHERE NOT ok))::text AS broken, count(*)::text AS checked FROM (
  SELECT seq,
         seq = row_number() OVER (ORDER BY seq)
     AND "prevHash" = COALESCE(lag(hash) OVER (ORDER BY seq), repeat('0', 64))
     AND hash = encode(sha256(convert_to("prevHash" || E'\\n' ||
           '{"action":' || ${text("action")} || ',"actorId":' || ${text('"actorId"')} || ',"actorName":' || ${text('"actorName"')} ||
           ',"after":' || bench_canonical(after) || ',"at":' || (extract(epoch FROM at) * 1000)::bigint::text ||
           ',"before":' || bench_canonical(before) || ',"entity":' || ${text("entity")} || ',"entityId":' || ${text('"entityId"')} ||
           ',"ip":' || ${text("ip")} || ',"seq":' || seq::text || ',"userAgent":' || ${text('"userAgent"')} || '}', 'UTF8')), 'hex') AS ok
  FROM "AuditEvent") AS checked_events`;
