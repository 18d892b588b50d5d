// payeeKey as it was before decision 039 (no fast path), for reader-equivalence.test.ts.
import { PAYEE_KEY_MAP } from "@/lib/domain/reconciliation/payee-key";

const charMap = new Map<string, string>([...PAYEE_KEY_MAP.from].map((c, i) => [c, PAYEE_KEY_MAP.to[i] ?? ""]));

export function payeeKey(name: string): string {
  let out = "";
  for (const c of name) out += charMap.get(c) ?? c;
  return out.replace(/ {2,}/g, " ").replace(/^ +| +$/g, "");
}
