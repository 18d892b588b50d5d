import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TApplicationDraftData } from "@/lib/domain/merchant/draft-schema";
import { divisionFullName } from "@/lib/domain/reference/divisions";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";

const masked = (value: string) => (value ? `••••${value.replace(/\s/g, "").slice(-4)}` : "—");

/** A draft that has been submitted: read-only, with the change request it became. */
export async function SubmittedApplication({ data, reference, submittedAt, options }: {
  data: TApplicationDraftData;
  reference: string | null;
  submittedAt: Date;
  options: TApplicationFormOptions;
}) {
  const t = await getTranslations("application");
  const en = (await getLocale()) === "en";
  const { merchant: m, account: a } = data;
  const mcc = options.mccs.find((x) => x.code === m.mcc);
  const bank = options.banks.find((x) => x.code === a.bankCode);
  const rows = (entries: [string, string | undefined][]) => (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {entries.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
  const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-6";
  return (
    <div className="space-y-6">
      <div role="status" className="rounded-md border border-green-700 bg-green-50 p-4 text-sm text-green-950">
        <p>{t("readOnly.notice", { reference: reference ?? "—", time: submittedAt.toLocaleString(en ? "en" : "zh-CN", { timeZone: "Asia/Shanghai" }) })}</p>
        <p className="mt-1">
          <Link href="/my-work" className="text-brand-700 underline">{t("readOnly.toMyWork")}</Link>
        </p>
      </div>
      <section className={box} aria-labelledby="ro-merchant">
        <h2 id="ro-merchant" className="text-lg font-semibold">{t("sections.merchant")}</h2>
        {rows([
          [t("fields.merchantType"), t(`merchantTypes.${m.type}`)],
          [t("fields.legalName"), m.legalName],
          [t("fields.receiptName"), m.receiptName],
          [t("fields.creditCode"), m.creditCode],
          [t("fields.legalRepName"), m.legalRepName],
          [t("fields.legalRepId"), masked(m.legalRepId)],
          [t("fields.phone"), m.phone],
          [t("fields.mcc"), mcc ? `${mcc.code} · ${en ? mcc.nameEn : mcc.nameZh}` : m.mcc],
          [t("fields.division"), m.divisionCode ? `${divisionFullName(m.divisionCode) ?? ""} (${m.divisionCode})` : ""],
          [t("fields.street"), m.street],
        ])}
      </section>
      <section className={box} aria-labelledby="ro-account">
        <h2 id="ro-account" className="text-lg font-semibold">{t("sections.account")}</h2>
        {rows([
          [t("fields.accountType"), t(`accountTypes.${a.accountType}`)],
          [t("fields.accountName"), a.accountName],
          [t("fields.accountNo"), masked(a.accountNo)],
          [t("fields.bank"), bank ? `${bank.code} · ${en ? bank.nameEn : bank.nameZh}` : a.bankCode],
          [t("fields.branchName"), a.branchName],
          [t("fields.cnaps"), a.cnaps],
          [t("fields.thirdPartyAuthRef"), a.thirdPartyAuthRef],
          [t("fields.thirdPartyAuthDate"), a.thirdPartyAuthDate],
        ])}
      </section>
      <section className={box} aria-labelledby="ro-terminals">
        <h2 id="ro-terminals" className="text-lg font-semibold">{t("sections.terminals")}</h2>
        {data.terminals.map((row, i) => (
          <div key={i} className="space-y-2">
            <h3 className="text-sm font-semibold">{t("terminalN", { n: i + 1 })}</h3>
            {rows([
              [t("fields.terminalId"), row.terminalId],
              [t("fields.serialNo"), row.serialNo],
              [t("fields.installAddress"), row.installAddress],
            ])}
          </div>
        ))}
      </section>
    </div>
  );
}
