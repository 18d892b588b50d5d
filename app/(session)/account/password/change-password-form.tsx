"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { ZChangePasswordSchema, type TChangePassword } from "@/lib/domain/users/schemas";
import { changePasswordAction } from "../../actions";

export function ChangePasswordForm() {
  const t = useTranslations("password");
  const router = useRouter();
  const toast = useToast();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TChangePassword, void>({
    schema: ZChangePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    labels: { currentPassword: t("current"), newPassword: t("new"), confirmPassword: t("confirm") },
    onSuccess: () => {
      toast("good", t("done"));
      router.replace("/");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4">
        <Field id="currentPassword" label={t("current")} errors={errorsOf("currentPassword")}>
          <Input type="password" autoComplete="current-password" autoFocus {...form.register("currentPassword")} />
        </Field>
        <Field id="newPassword" label={t("new")} hint={t("hint")} errors={errorsOf("newPassword")}>
          <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
        </Field>
        <Field id="confirmPassword" label={t("confirm")} errors={errorsOf("confirmPassword")}>
          <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
        </Field>
        <Button type="submit">{t("submit")}</Button>
      </fieldset>
    </form>
  );
}
