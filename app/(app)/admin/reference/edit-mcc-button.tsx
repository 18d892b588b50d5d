"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { MCC_RISK_LEVELS } from "@/lib/domain/reference/mcc-list";
import { ZUpdateMccSchema, type TUpdateMcc } from "@/lib/domain/reference/schemas";
import { updateMccAction } from "./actions";

export type MccRow = { code: string; nameZh: string; nameEn: string; riskLevel: number; active: boolean; version: number };

/** The dialog is mounted only while open: one form (and one set of field ids) on the page at a time. */
export function EditMccButton({ mcc }: { mcc: MccRow }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link" onClick={() => setOpen(true)} aria-label={t("reference.mcc.editLabel", { code: mcc.code })}>
        {t("reference.mcc.edit")}
      </Button>
      {open && <EditMccDialog mcc={mcc} onClose={() => setOpen(false)} />}
    </>
  );
}

function EditMccDialog({ mcc, onClose }: { mcc: MccRow; onClose: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TUpdateMcc, { code: string; version: number }>({
    schema: ZUpdateMccSchema,
    action: updateMccAction,
    defaultValues: { code: mcc.code, version: mcc.version, nameZh: mcc.nameZh, nameEn: mcc.nameEn, riskLevel: mcc.riskLevel as TUpdateMcc["riskLevel"], active: mcc.active },
    labels: { nameZh: t("reference.mcc.nameZh"), nameEn: t("reference.mcc.nameEn"), riskLevel: t("reference.mcc.riskLevel"), active: t("reference.mcc.activeLabel") },
    onSuccess: () => {
      toast("good", t("reference.mcc.saved", { code: mcc.code }));
      onClose();
      router.refresh();
    },
  });
  return (
    <Dialog open onClose={onClose} title={t("reference.mcc.editTitle", { code: mcc.code })}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
        <fieldset disabled={submitting} className="space-y-4">
          <Field id="nameZh" label={t("reference.mcc.nameZh")} errors={errorsOf("nameZh")}>
            <Input autoComplete="off" {...form.register("nameZh")} />
          </Field>
          <Field id="nameEn" label={t("reference.mcc.nameEn")} errors={errorsOf("nameEn")}>
            <Input autoComplete="off" {...form.register("nameEn")} />
          </Field>
          <Field id="riskLevel" label={t("reference.mcc.riskLevel")} hint={t("reference.mcc.riskHint")} errors={errorsOf("riskLevel")}>
            <Select {...form.register("riskLevel", { valueAsNumber: true })}>
              {MCC_RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`reference.mcc.risk.${r}`)}</option>)}
            </Select>
          </Field>
          <div className="space-y-1">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input id="active" type="checkbox" className="size-4" {...form.register("active")} />
              {t("reference.mcc.activeLabel")}
            </label>
            <p className="text-xs text-slate-600">{t("reference.mcc.activeHint")}</p>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit">{submitting ? t("common.loading") : t("common.save")}</Button>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
