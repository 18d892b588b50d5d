"use client";

import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApplicationField, FieldErrors } from "./application-field";
import { useApplicationForm } from "./form-context";
import { useIdentifierRegister } from "./use-identifier-register";

export const MAX_TERMINALS = 50;

/** 终端: one row per POS terminal to bind to this merchant. */
export function TerminalsSection() {
  const t = useTranslations("application");
  const { form, errorsFor, terminalsChanged } = useApplicationForm();
  const identifier = useIdentifierRegister();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "terminals" });
  const listErrors = errorsFor("terminals.root");

  const removeRow = (index: number) => {
    remove(index);
    terminalsChanged();
    // Focus stays in the list: the row that took this one's place, or the one before.
    requestAnimationFrame(() => document.getElementById(`terminals.${Math.min(index, fields.length - 2)}.terminalId`)?.focus());
  };

  return (
    <section aria-labelledby="section-terminals" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="section-terminals" className="text-lg font-semibold text-slate-900">
        {t("sections.terminals")}
      </h2>
      <p className="text-xs text-slate-600">{t("hints.terminals")}</p>
      {listErrors.length > 0 && <FieldErrors id="terminals.root-error" errors={listErrors} />}
      <ol className="space-y-3">
        {fields.map((row, index) => (
          <li key={row.id} className="rounded-md border border-slate-200 p-4">
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold text-slate-800">{t("terminalN", { n: index + 1 })}</legend>
              <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.6fr)_auto] sm:items-start">
                <ApplicationField path={`terminals.${index}.terminalId`} label={t("fields.terminalId")}>
                  <Input autoComplete="off" spellCheck={false} className="font-mono" {...identifier(`terminals.${index}.terminalId`)} />
                </ApplicationField>
                <ApplicationField path={`terminals.${index}.serialNo`} label={t("fields.serialNo")}>
                  <Input autoComplete="off" spellCheck={false} className="font-mono" {...identifier(`terminals.${index}.serialNo`)} />
                </ApplicationField>
                <ApplicationField path={`terminals.${index}.installAddress`} label={t("fields.installAddress")}>
                  <Input autoComplete="off" {...form.register(`terminals.${index}.installAddress`)} />
                </ApplicationField>
                <Button variant="secondary" className="sm:mt-6" disabled={fields.length <= 1} aria-label={t("removeTerminalN", { n: index + 1 })} onClick={() => removeRow(index)}>
                  {t("removeTerminal")}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        disabled={fields.length >= MAX_TERMINALS}
        onClick={() => {
          append({ terminalId: "", serialNo: "", installAddress: "" }, { focusName: `terminals.${fields.length}.terminalId` });
          terminalsChanged();
        }}
      >
        {t("addTerminal")}
      </Button>
    </section>
  );
}
