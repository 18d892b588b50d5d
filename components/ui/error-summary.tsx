"use client";

import { useEffect, useRef, useId } from "react";
import { useTranslations } from "next-intl";

export type SummaryItem = { field: string; label: string; message: string };

/** GOV.UK error summary: focused on submit, each item a link to its field. */
/** `focusKey` changes once per submit attempt: the summary takes focus then, not on every re-render. */
export function ErrorSummary({ items, formError, focusKey }: { items: SummaryItem[]; formError?: string; focusKey?: number }) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDivElement>(null);
  const count = items.length + (formError ? 1 : 0);
  const hasContent = count > 0;
  // Once per submit attempt, as soon as its errors are on screen (they may arrive a render after
  // the attempt is counted); re-validation on blur within the same attempt never pulls focus away.
  const focusedAttempt = useRef(0);
  const titleId = useId();
  useEffect(() => {
    if (!focusKey || !hasContent || focusedAttempt.current === focusKey) return;
    focusedAttempt.current = focusKey;
    ref.current?.focus();
  }, [focusKey, hasContent]);
  if (count === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="rounded-md border-2 border-red-700 bg-red-50 p-4">
      <h2 id={titleId} className="text-sm font-semibold text-red-900">
        {t("errorSummary", { count })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-900">
        {formError && <li>{formError}</li>}
        {items.map((item) => (
          <li key={`${item.field}-${item.message}`}>
            <a className="underline" href={`#${item.field}`} onClick={(e) => { e.preventDefault(); document.getElementById(item.field)?.focus(); }}>
              {t("errorItem", { label: item.label, message: item.message })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
