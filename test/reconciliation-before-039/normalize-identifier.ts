// normalizeIdentifier as it was before decision 039 (no fast path), for reader-equivalence.test.ts.
import type { IdentifierNormalizeOptions } from "@/lib/domain/validation/normalize";
import { foldFullWidth } from "./fold-full-width";

const ID_SPACE_RE = /[\s\u200B-\u200D\u2060]+/g;
const DASH_LOOKALIKE_RE = /[\u2010-\u2015\u2212\uFE63]/g;

export function normalizeIdentifier(raw: string, options: IdentifierNormalizeOptions = {}): string {
  if (typeof raw !== "string") return "";
  let s = foldFullWidth(raw).replace(ID_SPACE_RE, "").replace(DASH_LOOKALIKE_RE, "-");
  if (options.keepHyphens !== true) s = s.replace(/-+/g, "");
  if (options.upperCase !== false) s = s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  return s;
}
