"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useServerForm } from "@/components/forms/use-server-form";
import { ZTotpCodeSchema } from "@/lib/domain/users/schemas";
import { verifySecondFactorAction } from "../actions";

export function TotpForm() {
  const t = useTranslations("mfa");
  const router = useRouter();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<z.infer<typeof ZTotpCodeSchema>, void>({
    schema: ZTotpCodeSchema,
    action: verifySecondFactorAction,
    defaultValues: { code: "" },
    labels: { code: t("code") },
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4">
        <Field id="code" label={t("code")} errors={errorsOf("code")}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus className="w-40 font-mono tracking-widest" {...form.register("code")} />
        </Field>
        <Button type="submit">{t("submit")}</Button>
      </fieldset>
    </form>
  );
}
