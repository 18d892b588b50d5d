"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useServerForm } from "@/components/forms/use-server-form";
import { ZSignInSchema, type TSignIn } from "@/lib/domain/users/schemas";
import { signInAction } from "./actions";

export function SignInForm() {
  const t = useTranslations("signIn");
  const router = useRouter();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TSignIn, { next: string }>({
    schema: ZSignInSchema,
    action: signInAction,
    defaultValues: { username: "", password: "" },
    labels: { username: t("username"), password: t("password") },
    onSuccess: ({ next }) => {
      router.replace(next);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4">
        <Field id="username" label={t("username")} errors={errorsOf("username")}>
          <Input autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} {...form.register("username")} />
        </Field>
        <Field id="password" label={t("password")} errors={errorsOf("password")}>
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </Field>
        <Button type="submit" className="w-full">
          {submitting ? t("submitting") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
