"use client";

import { useTranslations } from "next-intl";

const MERCHANT = ["type:merchantType", "legalName", "receiptName", "creditCode", "legalRepName", "legalRepId", "phone", "mcc", "divisionCode:division", "street"];
const ACCOUNT = ["accountType", "accountName", "accountNo", "thirdPartyAuthRef", "thirdPartyAuthDate", "bankCode:bank", "branchName", "cnaps"];
const TERMINAL = ["terminalId", "serialNo", "installAddress"];

/** Every field path with its label, in the order the fields appear on the page. */
export function useSummaryLabels() {
  const t = useTranslations("application");
  const entries = (prefix: string, keys: string[]) =>
    keys.map((spec) => {
      const [field, label = field] = spec.split(":") as [string, string?];
      return [`${prefix}.${field}`, t(`fields.${label}`)] as const;
    });
  return (terminalCount: number): (readonly [string, string])[] => [
    ...entries("merchant", MERCHANT),
    ...entries("account", ACCOUNT),
    ["terminals.root", t("sections.terminals")] as const,
    ...Array.from({ length: terminalCount }, (_, i) =>
      TERMINAL.map((field) => [`terminals.${i}.${field}`, `${t("terminalN", { n: i + 1 })} · ${t(`fields.${field}`)}`] as const),
    ).flat(),
  ];
}
