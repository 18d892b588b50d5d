"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldErrors } from "./application-field";
import { useApplicationForm } from "./form-context";

/**
 * A radio group: one Tab stop, arrow keys move the choice (native behaviour). The first radio
 * carries the field's id so the error summary can link to the group.
 */
export function ChoiceGroup({ path, legend, hint, choices, registration }: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  choices: { value: string; label: ReactNode }[];
  registration: UseFormRegisterReturn;
}) {
  const { errorsFor } = useApplicationForm();
  const errors = errorsFor(path);
  const hintId = hint ? `${path}-hint` : undefined;
  const errorId = errors.length ? `${path}-error` : undefined;
  return (
    <fieldset className="space-y-1" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && <FieldErrors id={errorId} errors={errors} />}
      <div className="flex flex-wrap gap-2">
        {choices.map((choice, i) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-700"
          >
            <input type="radio" id={i === 0 ? path : `${path}-${choice.value}`} value={choice.value} aria-invalid={errors.length > 0 || undefined} {...registration} />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
