"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { FIELD_MESSAGES } from "@/lib/domain/validation/messages";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/errors";
import type { SummaryItem } from "@/components/ui/error-summary";

/**
 * react-hook-form with the same zod schema the server uses. The server's answer is still the
 * judge: its field errors land on the same fields, its refusals in the summary.
 */
export function useServerForm<TValues extends FieldValues, TResult>(options: {
  schema: z.ZodType;
  action: (values: TValues) => Promise<ActionResult<TResult>>;
  defaultValues: DefaultValues<TValues>;
  labels: Partial<Record<Path<TValues>, string>>;
  onSuccess?: (value: TResult) => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const form = useForm<TValues>({
    // raw: the action gets what the user typed; the server parses it with the same schema itself.
    resolver: zodResolver(options.schema as never, undefined, { raw: true }) as unknown as Resolver<TValues>,
    shouldFocusError: false,
    defaultValues: options.defaultValues,
    mode: "onSubmit",
    // After a refused submit a correction clears its error as it is typed. On blur it cleared
    // when the user clicked "submit": the summary collapsed, the button moved, the click missed.
    reValidateMode: "onChange",
    criteriaMode: "all",
  });

  const locale = useLocale() === "en" ? "en" : "zh-CN";
  // "field.<CODE>" messages come from the identifier validators' own bilingual table.
  const translate = (key: string | undefined) => {
    const code = key?.startsWith("field.") ? (key.slice(6) as keyof typeof FIELD_MESSAGES) : undefined;
    if (code && FIELD_MESSAGES[code]) return FIELD_MESSAGES[code][locale];
    return key && t.has(key) ? t(key) : t("validation.invalid");
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(undefined);
      const result = await options.action(values);
      if (result.ok) return options.onSuccess?.(result.value);
      setAttempt((n) => n + 1);
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field === "_form") continue;
        form.setError(field as Path<TValues>, { type: "server", message: messages[0], types: Object.fromEntries(messages.map((m, i) => [`server${i}`, m])) });
      }
      const formMessages = result.fieldErrors._form?.map(translate) ?? [];
      const params = Object.fromEntries(Object.entries(result.params).map(([k, v]) => [k, k === "until" ? new Date(v).toLocaleString() : v]));
      // The app turned read-only since the page loaded: refresh the shell's banner (the form keeps its values).
      if (result.code === "MAINTENANCE") router.refresh();
      // Read-only with a known end: say when to come back.
      const back = result.code === "MAINTENANCE" && result.params.until ? [t("maintenance.expectedBack", { time: params.until! })] : [];
      setFormError([t(`errors.${result.code}`, params), ...back, ...formMessages].join(" "));
    },
    () => {
      setFormError(undefined);
      setAttempt((n) => n + 1);
    },
  );

  /** Every message for a field, not only the first (criteriaMode "all"). */
  const errorsOf = (name: Path<TValues>): string[] => {
    const error = form.getFieldState(name, form.formState).error;
    if (!error) return [];
    const all = error.types ? Object.values(error.types).flat() : [error.message];
    return [...new Set(all.filter((m): m is string => typeof m === "string").map(translate))];
  };

  const summaryItems: SummaryItem[] = (Object.keys(options.labels) as Path<TValues>[]).flatMap((field) =>
    errorsOf(field).map((message) => ({ field, label: options.labels[field] ?? field, message })),
  );

  return { form, onSubmit, formError, errorsOf, summaryItems, translate, attempt, submitting: form.formState.isSubmitting };
}
