import type { ReactElement, ReactNode } from "react";
import { cloneElement } from "react";

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactElement<Record<string, unknown>>;
};

/** Label, hint and every error of one field, wired for screen readers. */
export function Field({ id, label, hint, errors = [], children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="space-y-0.5 text-sm font-medium text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {cloneElement(children, { id, "aria-invalid": errors.length > 0 || undefined, "aria-describedby": describedBy })}
    </div>
  );
}
