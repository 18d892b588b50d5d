import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { FieldChange } from "@/lib/domain/diff";
import { bankCategoryOf } from "@/lib/domain/reference/bank-categories";
import { divisionFullName } from "@/lib/domain/reference/divisions";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";

/** Diff path → label under application.fields, in the order the entry form shows them. */
const LABELS: [string, string][] = [
  ["merchant.type", "merchantType"], ["merchant.legalName", "legalName"], ["merchant.receiptName", "receiptName"], ["merchant.creditCode", "creditCode"],
  ["merchant.legalRepName", "legalRepName"], ["merchant.legalRepId", "legalRepId"], ["merchant.phone", "phone"], ["merchant.mcc", "mcc"],
  ["merchant.divisionCode", "division"], ["merchant.street", "street"], ["account.accountType", "accountType"], ["account.accountName", "accountName"],
  ["account.accountNo", "accountNo"], ["account.bankCode", "bank"], ["account.branchName", "branchName"], ["account.cnaps", "cnaps"],
  ["account.thirdPartyAuthRef", "thirdPartyAuthRef"], ["account.thirdPartyAuthDate", "thirdPartyAuthDate"],
];
const order = (path: string) => {
  const i = LABELS.findIndex(([p]) => p === path);
  return i === -1 ? LABELS.length : i;
};

type Terminal = { terminalId?: string; serialNo?: string; installAddress?: string };

/** Field-level diff of the proposal against the approved version; sensitive numbers arrive masked. */
export async function ChangeDiff({ changes, onboarding }: { changes: FieldChange[]; onboarding: boolean }) {
  const t = await getTranslations();
  const english = (await getLocale()) === "en";
  const label = (path: string) => {
    if (path === "terminals") return t("application.sections.terminals");
    const key = LABELS.find(([p]) => p === path)?.[1];
    return key ? t(`application.fields.${key}`) : path;
  };
  const show = (path: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return <span className="text-slate-500">—</span>;
    const text = String(value);
    if (path === "merchant.type") return t(`changeRequests.merchantTypes.${text}`);
    if (path === "account.accountType") return t(`application.accountTypes.${text}`);
    if (path === "merchant.divisionCode") return `${divisionFullName(text) ?? ""} ${text}`;
    if (path === "merchant.mcc") {
      const mcc = MCC_LIST.find((m) => m.code === text);
      return mcc ? `${text} ${english ? mcc.nameEn : mcc.nameZh}` : text;
    }
    if (path === "account.bankCode") {
      const bank = bankCategoryOf(text);
      return bank ? `${english ? bank.nameEn : bank.nameZh} ${text}` : text;
    }
    if (Array.isArray(value)) {
      return (
        <ul className="space-y-1">
          {(value as Terminal[]).map((v, i) => (
            <li key={i}>{t("review.terminal", { terminalId: v.terminalId ?? "", serialNo: v.serialNo ?? "" })}{v.installAddress ? ` · ${v.installAddress}` : ""}</li>
          ))}
        </ul>
      );
    }
    return text;
  };
  const rows = [...changes].sort((a, b) => order(a.path) - order(b.path));
  return (
    <section aria-labelledby="diff-title" className="space-y-2">
      <h2 id="diff-title" className="text-lg font-semibold">{t("review.diffTitle")}</h2>
      <p className="text-sm text-slate-600">{onboarding ? `${t("review.onboardNote")} ` : ""}{t("review.masked")}</p>
      {rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("review.noChanges")}</p>
      ) : (
        <Table caption={t("review.diffTitle")}>
          <thead>
            <tr>
              <Th className="w-56">{t("review.field")}</Th>
              <Th>{t("review.current")}</Th>
              <Th>{t("review.proposed")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((c) => (
              <tr key={c.path} data-path={c.path}>
                <Th scope="row" className="bg-white font-medium">{label(c.path)}</Th>
                <Td className="text-slate-600">{show(c.path, c.before)}</Td>
                <Td className={onboarding ? "" : "bg-amber-50 font-medium"}>{show(c.path, c.after)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
