"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

export type TSummaryItem = { path: string; label: string; message: string };

/**
 * GOV.UK error summary, focused once per submit attempt (not on every re-render, so fixing a field
 * never throws focus back to the top). Each item links to its field by id = field path.
 */
export function ApplicationErrorSummary({ items, formError, attempt }: { items: TSummaryItem[]; formError?: string; attempt: number }) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDivElement>(null);
  const count = items.length + (formError ? 1 : 0);
  const visible = count > 0 && (attempt > 0 || !!formError);
  useEffect(() => {
    // After react-hook-form's own deferred focus on the first invalid field (setTimeout in handleSubmit).
    const timer = setTimeout(() => {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: "start" });
    }, 0);
    return () => clearTimeout(timer);
    // Only a new attempt or a new refusal moves focus: not every re-render while the clerk fixes fields.
  }, [attempt, formError]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} aria-labelledby="error-summary-title" className="rounded-md border-2 border-red-700 bg-red-50 p-4 focus:outline-4 focus:outline-red-300">
      <h2 id="error-summary-title" className="text-sm font-semibold text-red-900">
        {t("errorSummary", { count })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-900">
        {formError && <li>{formError}</li>}
        {items.map((item) => (
          <li key={`${item.path}-${item.message}`}>
            <a
              className="underline"
              href={`#${item.path}`}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(item.path);
                target?.scrollIntoView({ block: "center" });
                target?.focus();
              }}
            >
              {item.label}：{item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
