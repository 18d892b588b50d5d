"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input, INPUT_CLASS } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import {
  CASE_OUTCOMES,
  CASE_PRIORITIES,
  ZAddCaseNoteSchema,
  ZAssignCaseSchema,
  ZCloseCaseSchema,
  ZLinkCaseSchema,
  ZTriageCaseSchema,
  type TAddCaseNote,
  type TAssignCase,
  type TCaseStatus,
  type TCloseCase,
  type TLinkCase,
  type TTriageCase,
} from "@/lib/domain/cases/schemas";
import { addCaseNoteAction, assignCaseAction, closeCaseAction, linkCaseAction, triageCaseAction } from "../actions";

type Target = { id: string; version: number; status: TCaseStatus; priority: string; assigneeId: string | null };
type Worker = { id: string; displayName: string; username: string };

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

type HandlingForm = Pick<ReturnType<typeof useServerForm<TAssignCase, unknown>>, "onSubmit" | "summaryItems" | "formError" | "attempt" | "submitting">;

/** Priority and assignee: triage of a new case, and reassignment of a triaged one, the same two fields. */
function HandlingPanel({ title, form, priority, assignee, errors, workerOptions }: {
  title: string;
  form: HandlingForm;
  priority: UseFormRegisterReturn;
  assignee: UseFormRegisterReturn;
  errors: { priority: string[]; assigneeId: string[] };
  workerOptions: ReactNode;
}) {
  const t = useTranslations();
  return (
    <Panel title={title}>
      <form onSubmit={form.onSubmit} noValidate className="space-y-3">
        <ErrorSummary items={form.summaryItems} formError={form.formError} focusKey={form.attempt} />
        <fieldset disabled={form.submitting} className="grid gap-3 sm:grid-cols-2">
          <Field id="priority" label={t("cases.priority")} errors={errors.priority}>
            <Select {...priority}>
              {CASE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`cases.priorities.${p}`)}</option>)}
            </Select>
          </Field>
          <Field id="assigneeId" label={t("cases.assignee")} errors={errors.assigneeId}>
            <Select {...assignee}>
              <option value="">{t("cases.detail.choose")}</option>
              {workerOptions}
            </Select>
          </Field>
        </fieldset>
        <Button type="submit" disabled={form.submitting}>{title}</Button>
      </form>
    </Panel>
  );
}

/** The auditor's actions on an open case; each form carries the version the page showed. */
export function CaseActions({ target, workers, selfId }: { target: Target; workers: Worker[]; selfId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const done = (message: string) => {
    toast("good", message);
    router.refresh();
  };
  const base = { caseId: target.id, version: target.version };
  const workerOptions = workers.map((w) => <option key={w.id} value={w.id}>{w.id === selfId ? t("cases.detail.me", { name: w.displayName }) : `${w.displayName}（${w.username}）`}</option>);

  const triage = useServerForm<TTriageCase, unknown>({
    schema: ZTriageCaseSchema,
    action: triageCaseAction,
    defaultValues: { ...base, priority: target.priority as TTriageCase["priority"], assigneeId: target.assigneeId ?? selfId },
    labels: { priority: t("cases.priority"), assigneeId: t("cases.assignee") },
    onSuccess: () => done(t("cases.detail.triaged")),
  });
  const assign = useServerForm<TAssignCase, unknown>({
    schema: ZAssignCaseSchema,
    action: assignCaseAction,
    defaultValues: { ...base, assigneeId: target.assigneeId ?? "", priority: target.priority as TAssignCase["priority"] },
    labels: { assigneeId: t("cases.assignee"), priority: t("cases.priority") },
    onSuccess: () => done(t("cases.detail.assigned")),
  });
  const note = useServerForm<TAddCaseNote, unknown>({
    schema: ZAddCaseNoteSchema,
    action: addCaseNoteAction,
    defaultValues: { ...base, body: "" },
    labels: { body: t("cases.detail.note") },
    onSuccess: () => {
      note.form.reset({ ...base, version: target.version + 1, body: "" });
      done(t("cases.detail.noteAdded"));
    },
  });
  const link = useServerForm<TLinkCase, unknown>({
    schema: ZLinkCaseSchema,
    action: linkCaseAction,
    defaultValues: { ...base, merchantNo: "", terminalId: "", changeRequestReference: "" },
    labels: { merchantNo: t("cases.detail.merchantNo"), terminalId: t("cases.terminal"), changeRequestReference: t("cases.detail.changeRequestReference") },
    onSuccess: () => done(t("cases.detail.linkedDone")),
  });
  const close = useServerForm<TCloseCase, unknown>({
    schema: ZCloseCaseSchema,
    action: closeCaseAction,
    defaultValues: { ...base, outcome: "" as TCloseCase["outcome"], outcomeNote: "" },
    labels: { outcome: t("cases.outcome"), outcomeNote: t("cases.outcomeNote") },
    onSuccess: () => done(t("cases.detail.closedDone")),
  });

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {target.status === "OPEN" ? (
        <HandlingPanel title={t("cases.detail.triage")} form={triage} priority={triage.form.register("priority")} assignee={triage.form.register("assigneeId")}
          errors={{ priority: triage.errorsOf("priority"), assigneeId: triage.errorsOf("assigneeId") }} workerOptions={workerOptions} />
      ) : (
        <HandlingPanel title={t("cases.detail.reassign")} form={assign} priority={assign.form.register("priority")} assignee={assign.form.register("assigneeId")}
          errors={{ priority: assign.errorsOf("priority"), assigneeId: assign.errorsOf("assigneeId") }} workerOptions={workerOptions} />
      )}
      <Panel title={t("cases.detail.addNote")}>
        <form onSubmit={note.onSubmit} noValidate className="space-y-3">
          <ErrorSummary items={note.summaryItems} formError={note.formError} focusKey={note.attempt} />
          <fieldset disabled={note.submitting} className="space-y-3">
            <Field id="body" label={t("cases.detail.note")} errors={note.errorsOf("body")}>
              <textarea {...note.form.register("body")} className={`${INPUT_CLASS} min-h-24`} maxLength={4000} />
            </Field>
            <Button type="submit">{t("cases.detail.addNote")}</Button>
          </fieldset>
        </form>
      </Panel>
      <Panel title={t("cases.detail.link")}>
        <form onSubmit={link.onSubmit} noValidate className="space-y-3">
          <ErrorSummary items={link.summaryItems} formError={link.formError} focusKey={link.attempt} />
          <p className="text-sm text-slate-600">{t("cases.detail.linkHint")}</p>
          <fieldset disabled={link.submitting} className="grid gap-3 sm:grid-cols-3">
            <Field id="merchantNo" label={t("cases.detail.merchantNo")} errors={link.errorsOf("merchantNo")}>
              <Input {...link.form.register("merchantNo")} className="font-mono" autoComplete="off" maxLength={15} />
            </Field>
            <Field id="terminalId" label={t("cases.terminal")} errors={link.errorsOf("terminalId")}>
              <Input {...link.form.register("terminalId")} className="font-mono" autoComplete="off" maxLength={8} />
            </Field>
            <Field id="changeRequestReference" label={t("cases.detail.changeRequestReference")} errors={link.errorsOf("changeRequestReference")}>
              <Input {...link.form.register("changeRequestReference")} className="font-mono" autoComplete="off" maxLength={64} />
            </Field>
          </fieldset>
          <Button type="submit" disabled={link.submitting}>{t("cases.detail.link")}</Button>
        </form>
      </Panel>
      <Panel title={t("cases.detail.close")}>
        <form onSubmit={close.onSubmit} noValidate className="space-y-3">
          <ErrorSummary items={close.summaryItems} formError={close.formError} focusKey={close.attempt} />
          <fieldset disabled={close.submitting} className="space-y-3">
            <Field id="outcome" label={t("cases.outcome")} errors={close.errorsOf("outcome")}>
              <Select {...close.form.register("outcome")}>
                <option value="">{t("cases.detail.choose")}</option>
                {CASE_OUTCOMES.map((o) => <option key={o} value={o}>{t(`cases.outcomes.${o}`)}</option>)}
              </Select>
            </Field>
            <Field id="outcomeNote" label={t("cases.outcomeNote")} errors={close.errorsOf("outcomeNote")}>
              <textarea {...close.form.register("outcomeNote")} className={`${INPUT_CLASS} min-h-24`} maxLength={4000} />
            </Field>
            <Button type="submit" variant="danger">{t("cases.detail.close")}</Button>
          </fieldset>
        </form>
      </Panel>
    </div>
  );
}
