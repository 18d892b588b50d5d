"use client";

import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MERCHANT_TYPES, type TMerchantType } from "@/lib/domain/merchant/application-schema";
import { ApplicationField } from "./application-field";
import { ChoiceGroup } from "./choice-group";
import { DivisionSelect } from "./division-select";
import { useApplicationForm } from "./form-context";
import { useIdentifierRegister } from "./use-identifier-register";

/** 商户信息: who the merchant is. */
export function MerchantSection() {
  const t = useTranslations("application");
  const { form, options, locale } = useApplicationForm();
  const identifier = useIdentifierRegister();
  const [type, mcc] = useWatch({ control: form.control, name: ["merchant.type", "merchant.mcc"] });
  const typeRegistration = form.register("merchant.type", {
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value as TMerchantType;
      // Micro-merchants have no licence; each type has the account type it must use (DOMAIN §3).
      if (next === "MICRO") form.setValue("merchant.creditCode", "", { shouldDirty: true });
      const accountType = form.getValues("account.accountType");
      if (next === "ENTERPRISE" && accountType !== "CORPORATE") form.setValue("account.accountType", "CORPORATE", { shouldDirty: true });
      if (next === "MICRO" && accountType !== "PERSONAL") form.setValue("account.accountType", "PERSONAL", { shouldDirty: true });
    },
  });
  const selectedMcc = options.mccs.find((m) => m.code === mcc);
  const micro = type === "MICRO";

  return (
    <section aria-labelledby="section-merchant" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="section-merchant" className="text-lg font-semibold text-slate-900">
        {t("sections.merchant")}
      </h2>
      <ChoiceGroup
        path="merchant.type"
        legend={t("fields.merchantType")}
        hint={t(`hints.merchantType.${type ?? "ENTERPRISE"}`)}
        choices={MERCHANT_TYPES.map((value) => ({ value, label: t(`merchantTypes.${value}`) }))}
        registration={typeRegistration}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <ApplicationField path="merchant.legalName" label={t(micro ? "fields.legalNameMicro" : "fields.legalName")} hint={t(micro ? "hints.legalNameMicro" : "hints.legalName")}>
          <Input autoComplete="off" {...form.register("merchant.legalName")} />
        </ApplicationField>
        <ApplicationField path="merchant.receiptName" label={t("fields.receiptName")} hint={t("hints.receiptName")}>
          <Input autoComplete="off" {...form.register("merchant.receiptName")} />
        </ApplicationField>
        {micro ? (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-500">{t("fields.creditCode")}</p>
            <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("hints.creditCodeMicro")}</p>
          </div>
        ) : (
          <ApplicationField path="merchant.creditCode" label={t("fields.creditCode")} hint={t("hints.creditCode")}>
            <Input autoComplete="off" spellCheck={false} className="font-mono" {...identifier("merchant.creditCode")} />
          </ApplicationField>
        )}
        <ApplicationField path="merchant.phone" label={t("fields.phone")} hint={t("hints.phone")}>
          <Input type="tel" autoComplete="off" className="font-mono" {...identifier("merchant.phone")} />
        </ApplicationField>
        <ApplicationField path="merchant.legalRepName" label={t(type === "ENTERPRISE" ? "fields.legalRepName" : "fields.operatorName")} hint={t("hints.legalRepName")}>
          <Input autoComplete="off" {...form.register("merchant.legalRepName")} />
        </ApplicationField>
        <ApplicationField path="merchant.legalRepId" label={t("fields.legalRepId")} hint={t("hints.legalRepId")}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...identifier("merchant.legalRepId")} />
        </ApplicationField>
        <ApplicationField path="merchant.mcc" label={t("fields.mcc")} hint={t("hints.mcc")} className="sm:col-span-2">
          <Select {...form.register("merchant.mcc")}>
            <option value="">{t("choose")}</option>
            {options.mccs.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code} · {locale === "en" ? m.nameEn : m.nameZh}
                {locale === "en" ? "" : ` (${m.nameEn})`}
                {m.riskLevel > 0 ? ` — ${t(`mccRisk.${m.riskLevel}`)}` : ""}
              </option>
            ))}
          </Select>
        </ApplicationField>
        {selectedMcc && selectedMcc.riskLevel > 0 && (
          <p className="rounded border-l-4 border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-900 sm:col-span-2" role="note">
            {t(`mccRiskNote.${selectedMcc.riskLevel}`)}
          </p>
        )}
        <DivisionSelect />
        <ApplicationField path="merchant.street" label={t("fields.street")} hint={t("hints.street")} className="sm:col-span-2">
          <Input autoComplete="off" {...form.register("merchant.street")} />
        </ApplicationField>
      </div>
    </section>
  );
}
