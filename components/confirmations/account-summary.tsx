import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { bankLabel, masked } from "@/components/merchants/format";
import { Facts } from "@/components/merchants/section";

type Account = { status: string; accountType: string; accountName: string; accountLast4: string; bankCode: string; branchName: string };

/** One receiving account as the caller compares it: masked number, name, bank and branch. */
export async function AccountSummary({ title, account, tone }: { title: string; account: Account | null; tone: "good" | "warn" | "neutral" }) {
  const t = await getTranslations("merchants");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return (
    <section aria-label={title} className={`flex-1 rounded-lg border bg-white p-4 ${tone === "good" ? "border-green-300" : tone === "warn" ? "border-amber-300" : "border-slate-200"}`}>
      <h3 className="mb-3 flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        {title}
        {account && <Badge tone={tone}>{t(`accounts.statuses.${account.status}`)}</Badge>}
      </h3>
      {account ? (
        <>
          <p className="mb-3 font-mono text-lg font-semibold text-slate-900">{masked(account.accountLast4)}</p>
          <Facts
            rows={[
              [t("fields.accountName"), account.accountName],
              [t("fields.accountType"), t(`accountTypes.${account.accountType}`)],
              [t("fields.bank"), bankLabel(account.bankCode, locale)],
              [t("fields.branchName"), account.branchName],
            ]}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">{t("accounts.none")}</p>
      )}
    </section>
  );
}
