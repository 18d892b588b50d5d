"use client";

import { cloneElement, type ReactElement, type ReactNode } from "react";
import { useApplicationForm, type TNote } from "./form-context";

const NOTE_TONE = { warn: "border-amber-400 bg-amber-50 text-amber-900", info: "border-slate-300 bg-slate-50 text-slate-700" } as const;

/**
 * Label, hint, every error and every non-blocking note of one field. The control's id is the
 * field's path (`merchant.legalName`), which is what the error summary links to.
 */
export function ApplicationField({ path, label, hint, notes: extraNotes = [], children, className = "" }: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Notes the section computes itself (e.g. a name that does not match), shown with the field's own. */
  notes?: TNote[];
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const { errorsFor, notesFor } = useApplicationForm();
  const errors = errorsFor(path);
  const notes = [...notesFor(path), ...extraNotes];
  const hintId = hint ? `${path}-hint` : undefined;
  const errorId = errors.length ? `${path}-error` : undefined;
  const noteId = notes.length ? `${path}-note` : undefined;
  const describedBy = [hintId, errorId, noteId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={path} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors.length > 0 && <FieldErrors id={errorId!} errors={errors} />}
      {cloneElement(children, { id: path, "aria-invalid": errors.length > 0 || undefined, "aria-describedby": describedBy })}
      {notes.length > 0 && <FieldNotes id={noteId!} notes={notes} />}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  return (
    <ul id={id} className="space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function FieldNotes({ id, notes }: { id: string; notes: TNote[] }) {
  return (
    <ul id={id} className="space-y-1">
      {notes.map((n) => (
        <li key={`${n.tone}-${n.text}`} className={`rounded border-l-4 px-2 py-1 text-xs ${NOTE_TONE[n.tone]}`}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
