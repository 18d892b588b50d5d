"use client";

import { useEffect, useRef } from "react";
import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";

export type TVerifyResult = { matched: boolean; mismatchedFields: string[]; status: string };

/** What the verifier learns: match, or the NAMES of the fields that differ — never a value. */
export function VerifyOutcome({ result, makerName }: { result: TVerifyResult; makerName: string }) {
  const t = useTranslations("verify");
  const format = useFormatter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const names = result.mismatchedFields.map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f));
  return (
    <div className="space-y-4">
      <div
        ref={ref}
        tabIndex={-1}
        role="status"
        className={`rounded-md border-2 p-4 ${result.matched ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950"}`}
      >
        {result.matched ? (
          <p className="font-semibold">{t("matched")}</p>
        ) : (
          <>
            <p className="font-semibold">{t("mismatch", { fields: format.list(names, { type: "conjunction" }) })}</p>
            <p className="mt-1 text-sm">{t("mismatchNext", { maker: makerName })}</p>
          </>
        )}
      </div>
      <Link href="/verify" className="inline-block text-sm text-brand-700 underline">{t("back")}</Link>
    </div>
  );
}
