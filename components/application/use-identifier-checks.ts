"use client";

import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Path, UseFormReturn } from "react-hook-form";
import { checkField, FIELD_MESSAGES, type CheckCode, type FieldCheck, type FieldKind } from "@/lib/domain/validation";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormValues, TNote } from "./form-context";

export type TDuplicateFinding = { code: string; field: string; otherMerchant: string };
export type TDuplicatePreview = { errors: Record<string, string[]>; findings: TDuplicateFinding[] };
export type TPreviewDuplicates = (input: unknown) => Promise<ActionResult<TDuplicatePreview>>;

type Kind = FieldKind | "phone" | "serial";
type Group = "credit" | "account" | "terminals";

function kindOf(path: string, accountType: string | undefined): Kind | null {
  if (path === "merchant.creditCode") return "uscc";
  if (path === "merchant.legalRepId") return "residentId";
  if (path === "merchant.phone") return "phone";
  if (path === "account.accountNo") return accountType === "PERSONAL" ? "bankCard" : "corporateAccount";
  if (path === "account.cnaps") return "cnaps";
  if (/^terminals\.\d+\.terminalId$/.test(path)) return "terminalId";
  if (/^terminals\.\d+\.serialNo$/.test(path)) return "serial";
  return null;
}

function groupOf(path: string): Group | null {
  if (path === "merchant.creditCode") return "credit";
  if (path === "account.accountNo") return "account";
  if (/^terminals\.\d+\.(terminalId|serialNo)$/.test(path)) return "terminals";
  return null;
}

const inGroup = (group: Group) => (path: string) => groupOf(path) === group || (group === "terminals" && path.startsWith("terminals."));

/** Same normalisation as the schema: the phone field takes a mobile or a fixed line; serials are trimmed and upper-cased. */
function checkIdentifier(kind: Kind, raw: string): FieldCheck {
  if (kind === "serial") return { ok: true, normalized: raw.trim().toUpperCase(), warnings: [] };
  if (kind === "phone") {
    const mobile = checkField("mobile", raw);
    if (mobile.ok) return mobile;
    const fixed = checkField("fixedLine", raw);
    return fixed.ok ? fixed : { ok: false, warnings: [] };
  }
  return checkField(kind, raw);
}

/** What normalisation repaired, so the clerk sees why the field changed under them. */
function repairs(kind: Kind, raw: string): CheckCode[] {
  const codes: CheckCode[] = [];
  if (/\s/.test(raw.trim()) || raw !== raw.trim()) codes.push("WHITESPACE");
  if (/[\uFF01-\uFF5E]/.test(raw)) codes.push("FULLWIDTH");
  if (kind !== "terminalId" && /[a-z]/.test(raw)) codes.push(kind === "residentId" && !/[a-wyz]/.test(raw) ? "LOWERCASE_X" : "LOWERCASE");
  return codes;
}

/**
 * Checked by the shared schema only in its whole-object step, which zod skips while any other field
 * is wrong: checked here as well so a bad account number shows up with everything else.
 */
const OBJECT_STEP_ONLY = new Set(["account.accountNo"]);

const without = <T,>(record: Record<string, T>, drop: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !drop(key))) as Record<string, T>;

/**
 * On blur of an identifier: write the normalised value back, keep its warnings as notes, check the
 * field at once, and for credit code / account / terminals ask the server about duplicates.
 */
export function useIdentifierChecks(
  form: UseFormReturn<TApplicationFormValues>,
  previewDuplicates: TPreviewDuplicates,
  locale: "zh-CN" | "en",
  /** Paths a blank value is fine for: sealed numbers kept on file when editing stored data. */
  keepBlank: readonly string[] = [],
) {
  const t = useTranslations("application");
  const [checkNotes, setCheckNotes] = useState<Record<string, TNote[]>>({});
  const [findingNotes, setFindingNotes] = useState<Record<string, TNote[]>>({});
  const [duplicateErrors, setDuplicateErrors] = useState<Record<string, string[]>>({});
  const [checkErrors, setCheckErrors] = useState<Record<string, string[]>>({});
  const sequence = useRef<Record<Group, number>>({ credit: 0, account: 0, terminals: 0 });

  const runPreview = useCallback(
    async (group: Group) => {
      const seq = ++sequence.current[group];
      const values = form.getValues();
      const input =
        group === "credit"
          ? { creditCode: values.merchant.creditCode ?? "" }
          : group === "account"
            ? { accountNo: values.account.accountNo, accountType: values.account.accountType }
            : { terminalIds: values.terminals.map((row) => row.terminalId), serialNos: values.terminals.map((row) => row.serialNo) };
      const result = await previewDuplicates(input).catch(() => null);
      // A later blur of the same group has asked again: its answer is the one to show.
      if (!result?.ok || seq !== sequence.current[group]) return;
      const belongs = inGroup(group);
      setDuplicateErrors((prev) => ({ ...without(prev, belongs), ...without(result.value.errors, (key) => !belongs(key)) }));
      const notes: Record<string, TNote[]> = {};
      for (const finding of result.value.findings.filter((f) => belongs(f.field))) {
        const text = finding.code === "ACCOUNT_USED_BY_OTHER_MERCHANT" ? t("findings.accountUsedByOther", { name: finding.otherMerchant || "—" }) : t("findings.other", { code: finding.code });
        (notes[finding.field] ??= []).push({ tone: "warn", text });
      }
      setFindingNotes((prev) => ({ ...without(prev, belongs), ...notes }));
    },
    [form, previewDuplicates, t],
  );

  const identifierBlur = useCallback(
    (path: string) => {
      const name = path as Path<TApplicationFormValues>;
      const raw = form.getValues(name);
      const kind = kindOf(path, form.getValues("account.accountType"));
      if (typeof raw !== "string" || !kind) return;
      const group = groupOf(path);
      if (raw.trim() === "") {
        setCheckNotes((prev) => without(prev, (key) => key === path));
        setCheckErrors((prev) => without(prev, (key) => key === path));
        if (group && group !== "terminals") {
          sequence.current[group]++;
          setDuplicateErrors((prev) => without(prev, (key) => key === path));
          setFindingNotes((prev) => without(prev, (key) => key === path));
        }
        return;
      }
      const result = checkIdentifier(kind, raw);
      if (OBJECT_STEP_ONLY.has(path)) setCheckErrors((prev) => ({ ...without(prev, (key) => key === path), ...(result.ok ? {} : { [path]: [`field.${result.code ?? "BAD_FORMAT"}`] }) }));
      const normalized = result.normalized;
      const rewritten = normalized !== undefined && normalized !== raw;
      if (rewritten) form.setValue(name, normalized as never, { shouldDirty: true, shouldTouch: true });
      const notes: TNote[] = [
        ...(rewritten ? repairs(kind, raw) : []).map((code) => ({ tone: "info" as const, text: FIELD_MESSAGES[code][locale] })),
        ...result.warnings.map((code) => ({ tone: "warn" as const, text: FIELD_MESSAGES[code as CheckCode]?.[locale] ?? code })),
      ];
      setCheckNotes((prev) => ({ ...without(prev, (key) => key === path), ...(notes.length ? { [path]: notes } : {}) }));
      // Identifiers are checked as soon as they are left: a check-digit error is cheapest to fix now.
      void form.trigger(name);
      if (group) void runPreview(group);
    },
    [form, locale, runPreview],
  );

  const terminalsChanged = useCallback(() => {
    const belongs = inGroup("terminals");
    setCheckNotes((prev) => without(prev, belongs));
    setFindingNotes((prev) => without(prev, belongs));
    setDuplicateErrors((prev) => without(prev, belongs));
    if (form.getValues("terminals").some((row) => row.terminalId || row.serialNo)) void runPreview("terminals");
  }, [form, runPreview]);

  /** On a submit attempt: the object-step-only fields are checked even if never visited. */
  const checkBeforeSubmit = useCallback(() => {
    const errors: Record<string, string[]> = {};
    for (const path of OBJECT_STEP_ONLY) {
      const raw = form.getValues(path as Path<TApplicationFormValues>);
      const kind = kindOf(path, form.getValues("account.accountType"));
      if (!kind || typeof raw !== "string" || (keepBlank.includes(path) && raw.trim() === "")) continue;
      const result = checkIdentifier(kind, raw);
      if (!result.ok) errors[path] = [`field.${result.code ?? "BAD_FORMAT"}`];
    }
    setCheckErrors(errors);
  }, [form, keepBlank]);

  const notesFor = useCallback((path: string) => [...(checkNotes[path] ?? []), ...(findingNotes[path] ?? [])], [checkNotes, findingNotes]);

  const extraErrors = useCallback((path: string) => [...(checkErrors[path] ?? []), ...(duplicateErrors[path] ?? [])], [checkErrors, duplicateErrors]);

  return { identifierBlur, terminalsChanged, notesFor, extraErrors, checkBeforeSubmit };
}
