"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input, INPUT_CLASS } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ZScheduleMaintenanceWindowSchema, type TScheduleMaintenanceWindow } from "@/lib/domain/maintenance/maintenance-schemas";
import { scheduleMaintenanceWindowAction } from "./actions";

/** A datetime-local value is the browser's local time; the server gets an unambiguous instant. */
const asInstant = (local: string) => (local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : local);

export function ScheduleWindowForm() {
  const t = useTranslations("maintenance.schedule");
  const router = useRouter();
  const toast = useToast();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TScheduleMaintenanceWindow, { id: string }>({
    schema: ZScheduleMaintenanceWindowSchema,
    action: (v) => scheduleMaintenanceWindowAction({ ...v, startsAt: asInstant(v.startsAt), endsAt: asInstant(v.endsAt) }),
    defaultValues: { startsAt: "", endsAt: "", messageZh: "", messageEn: "" },
    labels: { startsAt: t("startsAt"), endsAt: t("endsAt"), messageZh: t("messageZh"), messageEn: t("messageEn") },
    onSuccess: () => {
      form.reset();
      toast("good", t("scheduled"));
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-slate-200 bg-white p-4" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" className="text-lg font-semibold">{t("title")}</h2>
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="startsAt" label={t("startsAt")} hint={t("startsAtHint")} errors={errorsOf("startsAt")}>
          <Input type="datetime-local" {...form.register("startsAt")} />
        </Field>
        <Field id="endsAt" label={t("endsAt")} hint={t("endsAtHint")} errors={errorsOf("endsAt")}>
          <Input type="datetime-local" {...form.register("endsAt")} />
        </Field>
      </div>
      <Field id="messageZh" label={t("messageZh")} hint={t("messageHint")} errors={errorsOf("messageZh")}>
        <textarea {...form.register("messageZh")} className={`${INPUT_CLASS} min-h-16`} maxLength={500} />
      </Field>
      <Field id="messageEn" label={t("messageEn")} hint={t("messageHint")} errors={errorsOf("messageEn")}>
        <textarea {...form.register("messageEn")} className={`${INPUT_CLASS} min-h-16`} maxLength={500} />
      </Field>
      <Button type="submit" disabled={submitting}>{submitting ? t("saving") : t("save")}</Button>
    </form>
  );
}
