"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { unmaskAccountAction } from "@/app/(app)/merchants/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS } from "@/components/ui/input";

const MIN_REASON = 5;

/**
 * "查看完整账号": a reason first, then the number, shown only inside the dialog. Closing the
 * dialog unmounts it, so the number is never left in the page.
 */
export function UnmaskButton({ accountId, last4 }: { accountId: string; last4: string }) {
  const t = useTranslations("merchants.unmask");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="px-3 py-1.5" aria-label={t("buttonLabel", { last4 })} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      {open && <UnmaskDialog accountId={accountId} last4={last4} onClose={() => setOpen(false)} />}
    </>
  );
}

/** Closes through the native dialog, which hands focus back to the button that opened it. */
const closeDialog = (e: MouseEvent<HTMLElement>) => e.currentTarget.closest("dialog")?.close();

function UnmaskDialog({ accountId, last4, onClose }: { accountId: string; last4: string; onClose: () => void }) {
  const t = useTranslations();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const [accountNo, setAccountNo] = useState<string>();
  const [pending, startTransition] = useTransition();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) reasonRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (accountNo) resultRef.current?.focus();
  }, [accountNo]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (reason.trim().length < MIN_REASON) return setErrors([t("validation.unmask.reason")]);
    startTransition(async () => {
      const result = await unmaskAccountAction({ receivingAccountId: accountId, reason });
      if (result.ok) {
        setErrors([]);
        setAccountNo(result.value.accountNo);
        return;
      }
      const fieldErrors = result.fieldErrors.reason ?? [];
      setErrors(fieldErrors.map((key) => (t.has(key) ? t(key) : t("validation.invalid"))));
      if (fieldErrors.length === 0) setFormError(t(`errors.${result.code}`));
    });
  };

  return (
    <Dialog open onClose={onClose} title={t("merchants.unmask.title", { last4 })}>
      {accountNo ? (
        <div className="space-y-4">
          <div ref={resultRef} tabIndex={-1} className="space-y-1 outline-none">
            <p className="text-sm font-medium text-slate-700">{t("merchants.unmask.result")}</p>
            <p data-testid="unmasked-account-no" className="rounded-md bg-slate-100 px-3 py-3 text-center font-mono text-xl tracking-wider text-slate-900">
              {accountNo.replace(/(\d{4})(?=\d)/g, "$1 ")}
            </p>
          </div>
          <p className="text-sm text-slate-700">{t("merchants.unmask.recorded")}</p>
          <div className="flex justify-end">
            <Button onClick={closeDialog}>{t("common.close")}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <p className="text-sm text-slate-700">{t("merchants.unmask.intro")}</p>
          {formError && <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">{formError}</p>}
          <Field id={`unmask-reason-${accountId}`} label={t("merchants.unmask.reason")} hint={t("merchants.unmask.reasonHint")} errors={errors}>
            <textarea ref={reasonRef} name="reason" rows={3} maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} className={INPUT_CLASS} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={closeDialog}>{t("common.cancel")}</Button>
            <Button type="submit" disabled={pending}>{pending ? t("common.loading") : t("merchants.unmask.submit")}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
