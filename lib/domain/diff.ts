/** Field-level differences between two plain records (nested objects flattened to dotted paths). */
export type FieldChange = { path: string; before: unknown; after: unknown };

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return paths
    .filter((p) => JSON.stringify(a[p] ?? null) !== JSON.stringify(b[p] ?? null))
    .map((path) => ({ path, before: a[path] ?? null, after: b[path] ?? null }));
}
