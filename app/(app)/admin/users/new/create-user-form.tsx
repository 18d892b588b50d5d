"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { ROLES } from "@/lib/domain/permissions";
import { ZCreateUserSchema, type TCreateUser } from "@/lib/domain/users/schemas";
import { createUserAction } from "../actions";

export function CreateUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TCreateUser, { id: string }>({
    schema: ZCreateUserSchema,
    action: createUserAction,
    defaultValues: { username: "", displayName: "", role: undefined, initialPassword: "" },
    labels: { username: t("users.username"), displayName: t("users.displayName"), role: t("users.role"), initialPassword: t("users.initialPassword") },
    onSuccess: ({ id }) => {
      toast("good", t("users.created"));
      router.push(`/admin/users/${id}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <Field id="username" label={t("users.username")} hint={t("validation.username.format")} errors={errorsOf("username")}>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} {...form.register("username")} />
        </Field>
        <Field id="displayName" label={t("users.displayName")} errors={errorsOf("displayName")}>
          <Input autoComplete="off" {...form.register("displayName")} />
        </Field>
        <Field id="role" label={t("users.role")} errors={errorsOf("role")}>
          <Select {...form.register("role")} defaultValue="">
            <option value="" disabled>—</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </Select>
        </Field>
        <Field id="initialPassword" label={t("users.initialPassword")} hint={`${t("password.hint")} ${t("users.initialPasswordHint")}`} errors={errorsOf("initialPassword")}>
          <Input type="password" autoComplete="new-password" {...form.register("initialPassword")} />
        </Field>
        <div className="flex gap-3">
          <Button type="submit">{submitting ? t("common.loading") : t("users.create")}</Button>
          <Button variant="secondary" onClick={() => router.push("/admin/users")}>{t("common.cancel")}</Button>
        </div>
      </fieldset>
    </form>
  );
}
