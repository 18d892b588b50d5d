"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { cardBinErrorsFrom, type TCardBinError } from "@/lib/domain/reference/card-bin-errors";
import { importCardBinsAction } from "./actions";

/** Below the 2 MB server-action body limit (next.config.ts), with room for the request's framing. */
const MAX_FILE_BYTES = 1_900_000;

type Outcome =
  | { kind: "imported"; imported: number; replaced: number; debit: number; credit: number; prepaid: number }
  | { kind: "rows"; errors: TCardBinError[]; total: number }
  | { kind: "failed"; message: string };

/** Excel in a Chinese locale saves CSV as GBK: read UTF-8 when the bytes are valid UTF-8, else GB18030. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function CardBinImport() {
  const t = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>();
  const message = (key: string) => (t.has(key) ? t(key) : t("validation.invalid"));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setOutcome({ kind: "failed", message: t("reference.bins.chooseFile") });
    if (file.size > MAX_FILE_BYTES) return setOutcome({ kind: "failed", message: t("validation.cardBin.tooLarge") });
    start(async () => {
      const result = await importCardBinsAction({ csv: await readText(file), fileName: file.name });
      if (result.ok) {
        setOutcome({ kind: "imported", ...result.value });
        router.refresh();
        return;
      }
      const rows = cardBinErrorsFrom(result.fieldErrors);
      if (rows.length > 0) return setOutcome({ kind: "rows", errors: rows, total: Number(result.params.errorCount ?? rows.length) });
      const fieldMessages = Object.values(result.fieldErrors).flat().map(message);
      setOutcome({ kind: "failed", message: [t(`errors.${result.code}`), ...fieldMessages].join(" ") });
    });
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <fieldset disabled={pending} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="binFile" className="block text-sm font-medium text-slate-800">{t("reference.bins.file")}</label>
            <p id="binFile-hint" className="text-xs text-slate-600">{t("reference.bins.fileHint")}</p>
            <input
              ref={fileRef}
              id="binFile"
              name="binFile"
              type="file"
              accept=".csv,.txt,text/csv"
              aria-describedby="binFile-hint"
              className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
              onChange={() => setOutcome(undefined)}
            />
          </div>
          <Button type="submit">{pending ? t("common.loading") : t("reference.bins.import")}</Button>
        </fieldset>
      </form>
      <div aria-live="polite">
        {outcome?.kind === "imported" && (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
            {t("reference.bins.imported", outcome)}
          </p>
        )}
        {outcome?.kind === "failed" && <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">{outcome.message}</p>}
        {outcome?.kind === "rows" && (
          <div role="alert" className="space-y-2">
            <p className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm font-semibold text-red-900">
              {t("reference.bins.rejected", { count: outcome.total })}
              {outcome.total > outcome.errors.length && ` ${t("reference.bins.showingFirst", { shown: outcome.errors.length })}`}
            </p>
            <Table caption={t("reference.bins.errorsCaption")}>
              <thead>
                <tr>
                  <Th>{t("reference.bins.line")}</Th>
                  <Th>{t("reference.bins.field")}</Th>
                  <Th>{t("reference.bins.problem")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {outcome.errors.map((e) => (
                  <tr key={`${e.line}-${e.field}`}>
                    <Td className="font-mono">{e.line}</Td>
                    <Td>{t(`reference.bins.fields.${e.field}`)}</Td>
                    <Td>{message(e.message)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </div>
    </div>
  );
}
