import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { beijingDate } from "@/lib/domain/cases/cardholder-report";
import { ReportForm } from "./report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("title") };
}

/** Guidance sections: each a heading and a few plain sentences, from the messages. */
const GUIDE = ["slip", "app", "differ"] as const;
const GUIDE_POINTS: Record<(typeof GUIDE)[number], readonly string[]> = {
  slip: ["payee", "merchantNo", "terminalId"],
  app: ["alipay", "wechat", "unionpay"],
  differ: ["legit", "keep", "issuer", "report"],
};

/** Public: no sign-in, and the same page for a signed-in user. Says nothing about any merchant. */
export default async function ReportPage() {
  const t = await getTranslations("report");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-xl flex-col gap-6 px-4 py-6 sm:py-10">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-lg font-semibold text-brand-800">{t("brand")}</p>
          <h1 className="mt-1 text-2xl font-semibold leading-snug">{t("title")}</h1>
        </div>
        <LocaleSwitch />
      </div>
      <div className="space-y-2 text-slate-800">
        <p>{t("intro")}</p>
        <p>
          <a href="#guide" className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("guideLink")}</a>
        </p>
      </div>
      <section aria-labelledby="form-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="form-title" className="mb-4 text-lg font-semibold">{t("formTitle")}</h2>
        <ReportForm today={beijingDate(new Date())} />
      </section>
      <section id="guide" aria-labelledby="guide-title" className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="guide-title" className="text-lg font-semibold">{t("guide.title")}</h2>
        {GUIDE.map((part) => (
          <div key={part} className="space-y-2">
            <h3 className="font-semibold">{t(`guide.${part}.title`)}</h3>
            <ul className="list-disc space-y-2 pl-5 text-slate-800">
              {GUIDE_POINTS[part].map((point) => (
                <li key={point}>{t(`guide.${part}.${point}`)}</li>
              ))}
            </ul>
          </div>
        ))}
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">{t("guide.urgent")}</p>
      </section>
      <footer className="pb-6 text-sm text-slate-600">
        <Link href="/sign-in" className="underline underline-offset-2">{t("staff")}</Link>
      </footer>
    </main>
  );
}
