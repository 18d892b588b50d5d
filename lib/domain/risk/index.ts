/**
 * Risk evaluation of a change request (DOMAIN.md §5, SPEC.md §3.7): pure, no I/O. The server
 * gathers `RiskFacts` (lib/server/risk/gather-risk-facts.ts) and stores the result on the change
 * request (`riskFlags`, `highRisk`); a high-severity flag needs a second, different supervisor.
 */
import { z } from "zod";
import type { RiskFacts } from "./facts";
import { RISK_CODES, RISK_RULES, RISK_SEVERITIES, type RiskCode, type RiskFlag, type RiskSeverity, type RiskThresholds } from "./rules";

export * from "./facts";
export * from "./rules";

export type RiskAssessment = { flags: RiskFlag[]; highRisk: boolean };

const SEVERITY_RANK: Readonly<Record<RiskSeverity, number>> = { high: 0, medium: 1, low: 2 };

/** Runs every rule; flags come highest severity first (rule order within a severity). */
export function evaluateRisk(facts: RiskFacts, thresholds: RiskThresholds): RiskAssessment {
  const flags = RISK_RULES.map((rule) => rule(facts, thresholds))
    .filter((f): f is RiskFlag => f !== null)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  return { flags, highRisk: flags.some((f) => f.severity === "high") };
}

/** Reads flags back from `ChangeRequest.riskFlags` (JSON); unknown shapes fail the parse. */
export const ZRiskFlag = z.object({
  code: z.enum(RISK_CODES),
  severity: z.enum(RISK_SEVERITIES),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export const ZRiskFlags = z.array(ZRiskFlag);

export type RiskMessage = { "zh-CN": string; en: string };

/** For the supervisor: what the flag means and what to check before acknowledging it. */
export const RISK_MESSAGES: Readonly<Record<RiskCode, RiskMessage>> = {
  THIRD_PARTY_SETTLEMENT: {
    "zh-CN": "非法人结算：收款账户不在法定代表人/经营者名下。请核对授权书（编号、日期、签章）原件，确认账户户名与授权书一致，并了解商户与收款人的关系；此类申请须由第二位主管复核。",
    en: "Third-party settlement: the account is not in the legal representative's / operator's name. Check the original authorisation letter (reference, date, seal), that the account name matches it, and how the payee relates to the merchant; a second supervisor must also approve.",
  },
  ACCOUNT_NAME_MISMATCH: {
    "zh-CN": "账户户名与商户名称或法定代表人不一致，且未登记非法人结算授权。请对照开户许可证/银行卡材料核对户名，不一致时应退回更正。",
    en: "The account name matches neither the merchant's legal name nor the legal representative, and no third-party authorisation is recorded. Compare the name with the bank documents; return the request for correction if it differs.",
  },
  PERSONAL_ACCOUNT_FOR_ENTERPRISE: {
    "zh-CN": "企业商户使用个人账户收款。企业只能以对公账户结算：请退回，要求提供企业对公账户。",
    en: "An enterprise merchant settles to a personal account. Enterprises may only settle to a corporate account: return the request and ask for the company's corporate account.",
  },
  ACCOUNT_SHARED: {
    "zh-CN": "该收款账户已用于其他商户（见证据中的商户名单）。请确认是否为同一连锁/集团的合规统一结算，警惕“二清”资金归集或借用他人账户。",
    en: "This account already receives for other merchants (see the names in the evidence). Confirm it is legitimate chain / group settlement; watch for unlicensed pooling (二清) or a borrowed account.",
  },
  CREDIT_CARD_ACCOUNT: {
    "zh-CN": "结算卡为信用卡（按卡BIN表）。信用卡不得作为结算账户（套现风险）：请退回，要求提供本人借记卡。",
    en: "The settlement card is a credit card (by the BIN table). A credit card may never be a settlement account (cash-out risk): return the request and ask for a debit card in the holder's name.",
  },
  PREPAID_CARD_ACCOUNT: {
    "zh-CN": "结算卡为预付卡（按卡BIN表），不是活期存款账户。请向商户核实并要求提供本人借记卡。",
    en: "The settlement card is a prepaid card (by the BIN table), not a current deposit account. Check with the merchant and ask for a debit card in the holder's name.",
  },
  FREQUENT_ACCOUNT_CHANGES: {
    "zh-CN": "90天内收款账户变更次数超过阈值。请查看变更历史，向商户原预留联系人核实每次变更的原因。",
    en: "The receiving account has changed more often in 90 days than the threshold allows. Review the change history and confirm each change's reason with the merchant's previously verified contact.",
  },
  CHANGE_SOON_AFTER_ONBOARDING: {
    "zh-CN": "商户入网后不久即变更收款账户。请向原预留联系人核实变更原因，并核对新账户材料。",
    en: "The receiving account is changed soon after onboarding. Confirm the reason with the previously verified contact and check the new account's documents.",
  },
  ACCOUNT_AND_CONTACT_CHANGE: {
    "zh-CN": "收款账户与联系电话/法定代表人同时变更，符合账户盗用的典型特征。请通过变更前的预留联系方式与商户核实，切勿使用本次申请中的新号码。",
    en: "The account changes together with the phone / legal representative — the account-takeover pattern. Confirm with the merchant through the contact on record before this change, never the new number in this request.",
  },
  BANK_AREA_MISMATCH: {
    "zh-CN": "开户行所在地区（联行号地区代码）与经营地址不在同一省份。请了解异地开户的原因（如总部统一结算）。",
    en: "The bank branch's area (CNAPS area code) is in a different province from the business address. Ask why the account is held elsewhere (e.g. head-office settlement).",
  },
  PERSONAL_ACCOUNT_HIGH_RISK_MCC: {
    "zh-CN": "高风险行业（MCC风险等级高）商户使用个人账户结算。请核实经营实质与交易规模，确认是否应改用对公账户。",
    en: "A merchant in a high-risk category (MCC risk level high) settles to a personal account. Verify the actual business and expected volume, and whether a corporate account should be required.",
  },
  MVNO_CONTACT_NUMBER: {
    "zh-CN": "联系电话为虚拟运营商号段。请通过其他渠道（如营业执照登记电话、实地走访）核实联系人。",
    en: "The contact number is in a virtual-operator (MVNO) block. Verify the contact through another channel (e.g. the registered telephone number, a site visit).",
  },
  PHONE_SHARED: {
    "zh-CN": "该联系电话同时用于多个无关联商户（法定代表人不同）。请核实商户之间的关系，警惕代办/中介批量入网。",
    en: "The same phone is used by several unrelated merchants (different legal representatives). Check how the merchants relate; watch for agents onboarding merchants in bulk.",
  },
  WATCH_LIST_HIT: {
    "zh-CN": "账户号、法定代表人身份证号或统一社会信用代码命中关注名单（见证据中的类别）。请查看名单备注，必要时联系风控部门后再决定。",
    en: "The account number, the legal representative's ID or the credit code is on the watch list (kinds in the evidence). Read the watch-list note and consult the risk team before deciding.",
  },
};
