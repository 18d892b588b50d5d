"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormValues } from "./form-context";

export type TSaveDraft = (input: unknown) => Promise<ActionResult<{ draftId: string; version: number }>>;
export type TDraftRef = { draftId?: string; version?: number };
export type TDraftStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; code: string }
  | { kind: "conflict" };

export const AUTOSAVE_DELAY_MS = 5_000;

/** Exactly the draft schema's keys: the server's strict schema refuses anything else. */
function draftData(values: TApplicationFormValues) {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const { merchant: m, account: a } = values;
  return {
    merchant: {
      type: m.type, legalName: text(m.legalName), receiptName: text(m.receiptName), creditCode: text(m.creditCode), legalRepName: text(m.legalRepName),
      legalRepId: text(m.legalRepId), phone: text(m.phone), mcc: text(m.mcc), divisionCode: text(m.divisionCode), street: text(m.street),
    },
    account: {
      accountType: a.accountType, accountName: text(a.accountName), accountNo: text(a.accountNo), bankCode: text(a.bankCode), branchName: text(a.branchName),
      cnaps: text(a.cnaps), thirdPartyAuthRef: text(a.thirdPartyAuthRef), thirdPartyAuthDate: text(a.thirdPartyAuthDate),
    },
    terminals: (values.terminals ?? []).map((row) => ({ terminalId: text(row.terminalId), serialNo: text(row.serialNo), installAddress: text(row.installAddress) })),
  };
}

/**
 * Saves the draft ~5 s after the last change (only if something changed since the last save) and
 * on demand. The first save gives the page its own address, so a reload resumes the draft. A
 * version conflict (another tab saved) stops autosaving: overwriting it silently would lose work.
 */
export function useDraftAutosave(form: UseFormReturn<TApplicationFormValues>, saveDraft: TSaveDraft, initial: TDraftRef & { savedAt?: string }) {
  const [status, setStatus] = useState<TDraftStatus>(initial.savedAt ? { kind: "saved", at: new Date(initial.savedAt) } : { kind: "idle" });
  const draft = useRef<TDraftRef>({ draftId: initial.draftId, version: initial.version });
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(false);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (stopped.current) return false;
    const upTo = changes.current;
    const run = (async () => {
      setStatus({ kind: "saving" });
      const result = await saveDraft({ ...draft.current, data: draftData(form.getValues()) }).catch(() => null);
      if (!result || !result.ok) {
        const code = result?.code ?? "UNEXPECTED";
        if (code === "CONFLICT" || code === "NOT_FOUND") stopped.current = true;
        setStatus(code === "CONFLICT" ? { kind: "conflict" } : { kind: "failed", code });
        return false;
      }
      const first = !draft.current.draftId;
      draft.current = { draftId: result.value.draftId, version: result.value.version };
      savedChanges.current = upTo;
      // history.replaceState (which the App Router follows) rather than router.replace: a new
      // route would remount the form and drop whatever was typed while the save was in flight.
      if (first) window.history.replaceState(null, "", `/applications/${result.value.draftId}`);
      setStatus(changes.current === upTo ? { kind: "saved", at: new Date() } : { kind: "dirty" });
      return true;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [form, saveDraft]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    if (stopped.current || changes.current === savedChanges.current) return;
    timer.current = setTimeout(() => {
      if (changes.current !== savedChanges.current) void saveNow();
    }, AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  useEffect(() => {
    const subscription = form.watch(() => {
      if (stopped.current) return;
      changes.current++;
      setStatus((s) => (s.kind === "dirty" || s.kind === "saving" ? s : { kind: "dirty" }));
      schedule();
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, schedule]);

  /** Before submitting: no autosave may run afterwards, and the version must be the latest. */
  const settle = useCallback(async (): Promise<TDraftRef> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    return { ...draft.current };
  }, []);

  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);

  return { status, saveNow, settle, stop, reschedule: schedule, draft };
}
