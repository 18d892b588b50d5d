"use client";

import { createContext, useContext } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";

export type TApplicationFormValues = TMerchantApplicationInput;
export type TNote = { tone: "warn" | "info"; text: string };

/** Editing stored data: the last 4 of each sealed number on file (by field path), and the paths a checker found different. */
export type TEditMarks = { onFile: Partial<Record<string, string>>; flagged: readonly string[] };

/** What every section needs from the form around it. */
export type TApplicationFormContext = {
  form: UseFormReturn<TApplicationFormValues>;
  options: TApplicationFormOptions;
  locale: "zh-CN" | "en";
  /** Validation and duplicate errors of one field, already translated. */
  errorsFor: (path: string) => string[];
  /** Non-blocking notes of one field: check-digit warnings, normalisation notices, duplicate findings. */
  notesFor: (path: string) => TNote[];
  /** Normalise, check and (for identifiers that must be unique) look for duplicates. */
  identifierBlur: (path: string) => void;
  /** Terminal rows were added or removed: their notes and duplicate results no longer line up. */
  terminalsChanged: () => void;
  /** Only when editing stored data rather than entering a new application. */
  edit?: TEditMarks;
};

const ApplicationFormContext = createContext<TApplicationFormContext | null>(null);

export const ApplicationFormProvider = ApplicationFormContext.Provider;

export function useApplicationForm(): TApplicationFormContext {
  const context = useContext(ApplicationFormContext);
  if (!context) throw new Error("useApplicationForm outside ApplicationFormProvider");
  return context;
}
