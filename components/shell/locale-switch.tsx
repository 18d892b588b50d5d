"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { switchLocaleAction } from "@/app/actions";

export function LocaleSwitch() {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      lang={other}
      disabled={pending}
      aria-label={t("switchTo", { language: t(other) })}
      className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      onClick={() => start(async () => { await switchLocaleAction(other); router.refresh(); })}
    >
      {t(other)}
    </button>
  );
}
