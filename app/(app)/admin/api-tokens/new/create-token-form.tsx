"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TOKEN_LIFETIMES, ZCreateApiTokenSchema, type TCreateApiToken } from "@/lib/domain/api-tokens/schemas";
import { API_SCOPES } from "@/lib/domain/api-tokens/scopes";
import { createApiTokenAction } from "../actions";
import { TokenOnce } from "./token-once";

type Clerk = { id: string; username: string; displayName: string };

export function CreateTokenForm({ clerks }: { clerks: Clerk[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [created, setCreated] = useState<{ token: string; name: string }>();
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TCreateApiToken, { id: string; token: string }>({
    schema: ZCreateApiTokenSchema,
    action: createApiTokenAction,
    defaultValues: { name: "", scopes: [], actingUserId: "", lifetime: "90" },
    labels: { name: t("apiTokens.name"), scopes: t("apiTokens.scopes"), actingUserId: t("apiTokens.actingAs"), lifetime: t("apiTokens.lifetime") },
    onSuccess: ({ token }) => setCreated({ token, name: form.getValues("name") }),
  });
  if (created) return <TokenOnce token={created.token} name={created.name} />;
  const scopeErrors = errorsOf("scopes");
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <Field id="name" label={t("apiTokens.name")} hint={t("apiTokens.nameHint")} errors={errorsOf("name")}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field id="actingUserId" label={t("apiTokens.actingAs")} hint={t("apiTokens.actingAsHint")} errors={errorsOf("actingUserId")}>
          <Select {...form.register("actingUserId")}>
            <option value="">—</option>
            {clerks.map((c) => <option key={c.id} value={c.id}>{c.displayName} ({c.username})</option>)}
          </Select>
        </Field>
        <fieldset id="scopes" tabIndex={-1} aria-describedby={scopeErrors.length ? "scopes-error" : "scopes-hint"} className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("apiTokens.scopes")}</legend>
          <p id="scopes-hint" className="text-xs text-slate-600">{t("apiTokens.scopesHint")}</p>
          {scopeErrors.length > 0 && (
            <ul id="scopes-error" className="space-y-0.5 text-sm font-medium text-red-700">{scopeErrors.map((e) => <li key={e}>{e}</li>)}</ul>
          )}
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" value={scope} className="mt-1 size-4" {...form.register("scopes")} />
              <span><span className="font-mono">{scope}</span> — {t(`apiTokens.scopeHelp.${scope}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field id="lifetime" label={t("apiTokens.lifetime")} errors={errorsOf("lifetime")}>
          <Select {...form.register("lifetime")}>
            {TOKEN_LIFETIMES.map((l) => <option key={l} value={l}>{t(`apiTokens.lifetimes.${l}`)}</option>)}
          </Select>
        </Field>
        <div className="flex gap-3">
          <Button type="submit">{submitting ? t("common.loading") : t("apiTokens.create")}</Button>
          <Button variant="secondary" onClick={() => router.push("/admin/api-tokens")}>{t("common.cancel")}</Button>
        </div>
      </fieldset>
      <p className="text-sm"><Link href="/api-docs" className="text-brand-700 underline">{t("apiTokens.docsLink")}</Link></p>
    </form>
  );
}
