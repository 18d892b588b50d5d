import { getLocale, getTranslations } from "next-intl/server";
import { divisionFullName, divisionName } from "@/lib/domain/reference/divisions";
import { RISK_MESSAGES, type RiskMessage } from "@/lib/domain/risk";
import type { TRiskFlagView } from "./risk-flags";

type StoredFlag = { code: string; severity: string; evidence: Record<string, unknown> };

/** The first clause of an explanation as the flag's heading ("非法人结算"), the rest as its body. */
function split(message: string) {
  const match = /^(.+?)(：|。|: |\. )/.exec(message);
  const rest = match ? message.slice(match[0].length).trim() : "";
  return match?.[1] && rest ? { title: match[1], body: rest.charAt(0).toUpperCase() + rest.slice(1) } : { title: message, body: "" };
}

/** Stored flags → what the supervisor reads: explanation, and evidence with labels and names, not codes. */
export async function toFlagViews(flags: StoredFlag[]): Promise<TRiskFlagView[]> {
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const province = (code: string) => divisionName(code.padEnd(6, "0")) ?? code;
  const value = (key: string, v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => value(key, x)).join("、");
    const text = String(v ?? "");
    if (key === "bankProvinces" || key === "businessProvince") return `${province(text)} ${text}`;
    if (key === "businessDivision") return `${divisionFullName(text) ?? ""} ${text}`;
    if (key === "accountLast4" || key === "phoneLast4") return `••••${text}`;
    if (key === "accountType" && t.has(`application.accountTypes.${text}`)) return t(`application.accountTypes.${text}`);
    if (key === "merchantType" && t.has(`changeRequests.merchantTypes.${text}`)) return t(`changeRequests.merchantTypes.${text}`);
    return text;
  };
  return flags.map((f) => {
    const message = (RISK_MESSAGES as Record<string, RiskMessage | undefined>)[f.code]?.[locale];
    const { title, body } = message ? split(message) : { title: f.code, body: "" };
    return {
      code: f.code,
      severity: f.severity,
      title,
      message: body,
      evidence: Object.entries(f.evidence).map(([k, v]) => [t.has(`review.evidenceKeys.${k}`) ? t(`review.evidenceKeys.${k}`) : k, value(k, v)]),
    };
  });
}
