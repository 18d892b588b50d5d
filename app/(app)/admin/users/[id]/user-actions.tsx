"use client";

import { useState, useTransition } from "react";
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
import { ROLES, type TRole } from "@/lib/domain/permissions";
import { ZChangeUserRoleSchema, ZResetUserPasswordSchema, type TChangeUserRole, type TResetUserPassword } from "@/lib/domain/users/schemas";
import type { ActionResult } from "@/lib/server/errors";
import { changeUserRoleAction, endUserSessionsAction, resetUserPasswordAction, setUserDisabledAction } from "../actions";

type Target = { id: string; version: number; role: TRole; displayName: string; disabled: boolean };

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function UserActions({ user }: { user: Target }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const done = (message: string) => {
    toast("good", message);
    router.refresh();
  };
  const report = (result: ActionResult<unknown>, message: string) => {
    if (result.ok) return done(message);
    toast("bad", t(`errors.${result.code}`));
  };

  const role = useServerForm<TChangeUserRole, void>({
    schema: ZChangeUserRoleSchema,
    action: changeUserRoleAction,
    defaultValues: { userId: user.id, version: user.version, role: user.role },
    labels: { role: t("users.role") },
    onSuccess: () => done(t("users.roleChanged")),
  });
  const reset = useServerForm<TResetUserPassword, void>({
    schema: ZResetUserPasswordSchema,
    action: resetUserPasswordAction,
    defaultValues: { userId: user.id, version: user.version, newPassword: "" },
    labels: { newPassword: t("users.newPassword") },
    onSuccess: () => {
      reset.form.reset({ userId: user.id, version: user.version + 1, newPassword: "" });
      done(t("users.resetDone"));
    },
  });

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title={t("users.changeRole")}>
        <form onSubmit={role.onSubmit} noValidate className="space-y-3">
          <ErrorSummary items={role.summaryItems} formError={role.formError} focusKey={role.attempt} />
          <fieldset disabled={role.submitting} className="flex items-end gap-3">
            <div className="flex-1">
              <Field id="role" label={t("users.role")} errors={role.errorsOf("role")}>
                <Select {...role.form.register("role")}>
                  {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                </Select>
              </Field>
            </div>
            <Button type="submit">{t("common.save")}</Button>
          </fieldset>
        </form>
      </Panel>
      <Panel title={t("users.resetPassword")}>
        <form onSubmit={reset.onSubmit} noValidate className="space-y-3">
          <ErrorSummary items={reset.summaryItems} formError={reset.formError} focusKey={reset.attempt} />
          <fieldset disabled={reset.submitting} className="space-y-3">
            <Field id="newPassword" label={t("users.newPassword")} hint={t("password.hint")} errors={reset.errorsOf("newPassword")}>
              <Input type="password" autoComplete="new-password" {...reset.form.register("newPassword")} />
            </Field>
            <Button type="submit">{t("users.resetPassword")}</Button>
          </fieldset>
        </form>
      </Panel>
      <Panel title={user.disabled ? t("users.enable") : t("users.disable")}>
        {user.disabled ? (
          <Button disabled={pending} onClick={() => start(async () => report(await setUserDisabledAction({ userId: user.id, version: user.version, disabled: false }), t("users.enabledDone")))}>
            {t("users.enable")}
          </Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>{t("users.disable")}</Button>
        )}
        <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("users.disable")}>
          <p className="text-sm">{t("users.confirmDisable", { name: user.displayName })}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
            <Button variant="danger" disabled={pending} onClick={() => start(async () => {
              setConfirming(false);
              report(await setUserDisabledAction({ userId: user.id, version: user.version, disabled: true }), t("users.disabledDone"));
            })}>
              {t("common.confirm")}
            </Button>
          </div>
        </Dialog>
      </Panel>
      <Panel title={t("users.endSessions")}>
        <Button variant="secondary" disabled={pending} onClick={() => start(async () => {
          const result = await endUserSessionsAction({ userId: user.id });
          report(result, result.ok ? t("users.sessionsEnded", { count: result.value.sessionsEnded }) : "");
        })}>
          {t("users.endSessions")}
        </Button>
      </Panel>
    </div>
  );
}
