"use client";

import { useFormState, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ACCOUNT_TYPES } from "@/lib/domain/merchant/application-schema";
import { checkField, cnapsBankCategory, normalizeName } from "@/lib/domain/validation";
import { ApplicationField } from "./application-field";
import { ChoiceGroup } from "./choice-group";
import { useApplicationForm, type TNote } from "./form-context";
import { useIdentifierRegister } from "./use-identifier-register";

/** 收款账户: where the money goes, and whose name is on it (DOMAIN §3). */
export function AccountSection() {
  const t = useTranslations("application");
  const { form, options, locale, identifierBlur, errorsFor } = useApplicationForm();
  const identifier = useIdentifierRegister();
  const [merchantType, legalName, legalRepName, accountType, accountName, bankCode, cnaps, authRef, authDate] = useWatch({
    control: form.control,
    name: ["merchant.type", "merchant.legalName", "merchant.legalRepName", "account.accountType", "account.accountName", "account.bankCode", "account.cnaps", "account.thirdPartyAuthRef", "account.thirdPartyAuthDate"],
  });

  // Judged once the clerk has left the name field, not at every keystroke of it.
  const nameTouched = !!useFormState({ control: form.control, name: "account.accountName" }).touchedFields.account?.accountName;
  const corporate = accountType === "CORPORATE";
  const expectedName = normalizeName((corporate ? legalName : legalRepName) ?? "");
  const nameGiven = normalizeName(accountName ?? "");
  const nameMismatch = nameTouched && nameGiven !== "" && expectedName !== "" && nameGiven !== expectedName;
  // Enterprises may not settle to a third party at all; the others only with an authorisation letter.
  const showAuthorisation =
    merchantType !== "ENTERPRISE" && (nameMismatch || !!authRef || !!authDate || errorsFor("account.thirdPartyAuthRef").length > 0 || errorsFor("account.thirdPartyAuthDate").length > 0);

  const nameNotes: TNote[] = nameMismatch
    ? [{ tone: "warn", text: merchantType === "ENTERPRISE" ? t("notes.nameMismatchEnterprise", { expected: expectedName }) : t(corporate ? "notes.nameMismatchCorporate" : "notes.nameMismatchPersonal", { expected: expectedName }) }]
    : [];
  const cnapsBank = cnapsBankCategory(cnaps ?? "");
  const cnapsBankName = options.banks.find((b) => b.code === cnapsBank);
  const cnapsNotes: TNote[] = !cnapsBank
    ? []
    : !cnapsBankName
      ? [{ tone: "warn", text: t("notes.cnapsBankUnknown", { code: cnapsBank }) }]
      : bankCode && bankCode !== cnapsBank
        ? [{ tone: "warn", text: t("notes.cnapsBankDiffers", { bank: locale === "en" ? cnapsBankName.nameEn : cnapsBankName.nameZh }) }]
        : [{ tone: "info", text: t("notes.cnapsBank", { bank: locale === "en" ? cnapsBankName.nameEn : cnapsBankName.nameZh }) }];

  const accountTypeRegistration = form.register("account.accountType", {
    // A personal card and a corporate account are checked differently: re-check the number.
    onChange: () => form.getValues("account.accountNo") && identifierBlur("account.accountNo"),
  });
  const cnapsRegistration = identifier("account.cnaps");

  return (
    <section aria-labelledby="section-account" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="section-account" className="text-lg font-semibold text-slate-900">
        {t("sections.account")}
      </h2>
      <ChoiceGroup
        path="account.accountType"
        legend={t("fields.accountType")}
        hint={t(`hints.accountType.${merchantType ?? "ENTERPRISE"}`)}
        choices={ACCOUNT_TYPES.map((value) => ({ value, label: t(`accountTypes.${value}`) }))}
        registration={accountTypeRegistration}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <ApplicationField
          path="account.accountName"
          label={t("fields.accountName")}
          hint={t(corporate ? "hints.accountNameCorporate" : "hints.accountNamePersonal")}
          notes={nameNotes}
        >
          <Input autoComplete="off" {...form.register("account.accountName")} />
        </ApplicationField>
        <ApplicationField path="account.accountNo" label={t("fields.accountNo")} hint={t(corporate ? "hints.accountNoCorporate" : "hints.accountNoPersonal")}>
          <Input autoComplete="off" inputMode="numeric" spellCheck={false} className="font-mono" {...identifier("account.accountNo")} />
        </ApplicationField>
        {showAuthorisation && (
          <div className="grid gap-4 rounded-md border border-amber-300 bg-amber-50 p-4 sm:col-span-2 sm:grid-cols-2">
            <p className="text-sm text-amber-900 sm:col-span-2">{t("hints.thirdParty")}</p>
            <ApplicationField path="account.thirdPartyAuthRef" label={t("fields.thirdPartyAuthRef")}>
              <Input autoComplete="off" {...form.register("account.thirdPartyAuthRef")} />
            </ApplicationField>
            <ApplicationField path="account.thirdPartyAuthDate" label={t("fields.thirdPartyAuthDate")} hint={t("hints.thirdPartyAuthDate")}>
              <Input type="date" autoComplete="off" {...form.register("account.thirdPartyAuthDate")} />
            </ApplicationField>
          </div>
        )}
        <ApplicationField path="account.bankCode" label={t("fields.bank")} hint={t("hints.bank")}>
          <Select {...form.register("account.bankCode")}>
            <option value="">{t("choose")}</option>
            {options.banks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.code} · {locale === "en" ? b.nameEn : b.nameZh}
              </option>
            ))}
          </Select>
        </ApplicationField>
        <ApplicationField path="account.branchName" label={t("fields.branchName")} hint={t("hints.branchName")}>
          <Input autoComplete="off" {...form.register("account.branchName")} />
        </ApplicationField>
        <ApplicationField path="account.cnaps" label={t("fields.cnaps")} hint={t("hints.cnaps")} notes={cnapsNotes}>
          <Input
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
            className="font-mono"
            {...cnapsRegistration}
            onBlur={async (event) => {
              await cnapsRegistration.onBlur(event);
              // The first three digits of a valid code name the bank: fill an empty bank choice from them.
              const code = form.getValues("account.cnaps") ?? "";
              const category = checkField("cnaps", code).ok ? cnapsBankCategory(code) : null;
              if (category && !form.getValues("account.bankCode") && options.banks.some((b) => b.code === category)) {
                form.setValue("account.bankCode", category, { shouldDirty: true });
              }
            }}
          />
        </ApplicationField>
      </div>
    </section>
  );
}
