/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015), DOMAIN.md §2.
 */
import { fail, pass, type Verdict } from "./codes";
import { isMainlandDivision } from "./division";
import { normalizeIdentifier } from "./normalize";

/** The 31 code characters; a character's value is its index (no I, O, S, V, Z). */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_RE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
/** 3^(i−1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organisation-code weights for positions 9–16. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Registration authority (position 1) → allowed organisation types (position 2). [S3] */
export const USCC_AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  "1": "1239", // 机构编制
  "2": "19", // 外交
  "3": "123459", // 司法行政
  "4": "19", // 文化
  "5": "1239", // 民政
  "6": "129", // 旅游
  "7": "129", // 宗教
  "8": "19", // 工会
  "9": "123", // 市场监管: 1 企业, 2 个体工商户, 3 农民专业合作社
  A: "19", // 中央军委改革和编制办公室
  N: "1239", // 农业
  Y: "1", // 其他
};

export type UsccOptions = {
  /** Treat a GB 11714 organisation-code failure as an error (default: warning, DOMAIN §2 [P]). */
  strictOrgCode?: boolean;
};

/** Check character for a 17-character body, or null if the body is malformed. */
export function usccCheckChar(body17: string): string | null {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 check character for the 8-character organisation-code body, or null if malformed. */
export function orgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // 0–9, A=10 … Z=35
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Positions 3–8: a mainland division, or 100000 for central-level registrations. */
function regionValid(code6: string): boolean {
  return code6 === "100000" || isMainlandDivision(code6);
}

export function checkUscc(raw: string, options: UsccOptions = {}): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (s.length !== 18) return fail("BAD_LENGTH", s);
  if (!USCC_RE.test(s)) return fail("BAD_CHARSET", s);
  const types = USCC_AUTHORITY_TYPES[s.charAt(0)];
  if (types === undefined) return fail("BAD_AUTHORITY", s);
  if (!types.includes(s.charAt(1))) return fail("BAD_TYPE", s);
  if (!regionValid(s.slice(2, 8))) return fail("BAD_REGION", s);
  if (usccCheckChar(s.slice(0, 17)) !== s.charAt(17)) return fail("CHECK_DIGIT", s);
  const orgOk = orgCodeCheckChar(s.slice(8, 16)) === s.charAt(16);
  if (!orgOk && options.strictOrgCode === true) return fail("ORG_CODE_CHECK", s);
  return pass(s, orgOk ? [] : ["ORG_CODE_CHECK"]);
}

export type UsccEntityType = "enterprise" | "individualBusiness" | "cooperative";

/**
 * Market-regulation entity type from positions 1–2 (91 enterprise, 92 individual business,
 * 93 farmers' cooperative), or null for any other or malformed code. Used for the merchant-type
 * consistency rule (DOMAIN §2 [P]).
 */
export function usccEntityType(code: string): UsccEntityType | null {
  const prefix = normalizeIdentifier(code).slice(0, 2);
  if (prefix === "91") return "enterprise";
  if (prefix === "92") return "individualBusiness";
  if (prefix === "93") return "cooperative";
  return null;
}
