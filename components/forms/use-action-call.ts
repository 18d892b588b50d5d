"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/server/errors";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** One line for a refused action: what happened (by code) and every translated field message. */
export function useRefusalMessage() {
  const t = useTranslations();
  return (result: Refusal) => {
    const messages = Object.values(result.fieldErrors).flat().filter((key) => t.has(key)).map((key) => t(key));
    return [t(`errors.${result.code}`, result.params), ...messages].join(" ");
  };
}

/**
 * A button's server action outside a form: pending while it runs, the refusal as one message,
 * `onDone` with the value when it went through.
 */
export function useActionCall() {
  const refusalMessage = useRefusalMessage();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const call = <T,>(invoke: () => Promise<ActionResult<T>>, onDone: (value: T) => void) =>
    start(async () => {
      setError(undefined);
      const result = await invoke();
      if (result.ok) onDone(result.value);
      else setError(refusalMessage(result));
    });
  return { call, error, clearError: () => setError(undefined), pending };
}
