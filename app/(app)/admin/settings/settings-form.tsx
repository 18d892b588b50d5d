"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { TSettings } from "@/lib/domain/settings/settings-schema";
import { ZUpdateSettingsSchema, type TUpdateSettings } from "@/lib/domain/settings/update-settings-schema";
import { updateSettingsAction } from "./actions";

type SettingField = keyof Omit<TUpdateSettings, "versions">;
const GROUPS: { key: string; fields: SettingField[] }[] = [
  { key: "confirmation", fields: ["holdDays"] },
  { key: "risk", fields: ["maxAccountChanges90d", "newMerchantDays", "sharedAccountMerchants", "sharedPhoneMerchants"] },
  { key: "maintenance", fields: ["maintenanceLeadHours"] },
  { key: "reconciliation", fields: ["keepStagedDays"] },
  { key: "numbers", fields: ["acquirerCode"] },
];

export function SettingsForm({ settings, versions }: { settings: TSettings; versions: Record<string, number> }) {
  const t = useTranslations("settings");
  const router = useRouter();
  const toast = useToast();
  const fields = GROUPS.flatMap((g) => g.fields);
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TUpdateSettings, { changed: string[]; versions: Record<string, number> }>({
    schema: ZUpdateSettingsSchema,
    action: updateSettingsAction,
    defaultValues: {
      versions,
      acquirerCode: settings.acquirerCode,
      holdDays: String(settings.confirmation.holdDays),
      maintenanceLeadHours: String(settings.maintenance.leadHours),
      keepStagedDays: String(settings.reconciliation.keepStagedDays),
      maxAccountChanges90d: String(settings.risk.maxAccountChanges90d),
      newMerchantDays: String(settings.risk.newMerchantDays),
      sharedAccountMerchants: String(settings.risk.sharedAccountMerchants),
      sharedPhoneMerchants: String(settings.risk.sharedPhoneMerchants),
    },
    labels: Object.fromEntries(fields.map((f) => [f, t(`fields.${f}`)])),
    onSuccess: (result) => {
      form.setValue("versions", result.versions);
      toast("good", result.changed.length ? t("saved") : t("unchanged"));
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      {GROUPS.map((group) => (
        <fieldset key={group.key} disabled={submitting} className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <legend className="px-1 text-base font-semibold">{t(`groups.${group.key}`)}</legend>
          {group.fields.map((field) => (
            <Field key={field} id={field} label={t(`fields.${field}`)} hint={t(`hints.${field}`)} errors={errorsOf(field)}>
              <Input {...form.register(field)} inputMode="numeric" autoComplete="off" className="max-w-32 font-mono" maxLength={4} />
            </Field>
          ))}
        </fieldset>
      ))}
      <Button type="submit" disabled={submitting}>{submitting ? t("saving") : t("save")}</Button>
    </form>
  );
}
