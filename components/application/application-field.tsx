"use client";

import { cloneElement, type ReactElement, type ReactNode } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("correction");
  const { errorsFor, notesFor, edit } = useApplicationForm();
  const errors = errorsFor(path);
  const notes = [...notesFor(path), ...extraNotes];
  const flagged = !!edit?.flagged.includes(path);
  const onFile = edit?.onFile[path];
  const hintId = hint ? `${path}-hint` : undefined;
  const flaggedId = flagged ? `${path}-flagged` : undefined;
  const onFileId = onFile !== undefined ? `${path}-on-file` : undefined;
  const errorId = errors.length ? `${path}-error` : undefined;
  const noteId = notes.length ? `${path}-note` : undefined;
  const describedBy = [flaggedId, onFileId, hintId, errorId, noteId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${flagged ? "rounded-md border-l-4 border-amber-500 bg-amber-50 py-2 pr-2 pl-3" : ""} ${className}`} data-flagged={flagged || undefined}>
      <label htmlFor={path} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {flagged && (
        <p id={flaggedId} className="text-xs font-semibold text-amber-900">
          {t("flaggedField")}
        </p>
      )}
      {onFile !== undefined && (
        <p id={onFileId} className="text-xs font-medium text-slate-800">
          {t(flagged ? "retypeSealed" : "keepSealed", { last4: onFile })}
        </p>
      )}
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
