import { getFormatter, getTranslations } from "next-intl/server";

// The benchmarks' baseline page: rendered on every request, no database, no app shell and no
// client component of its own, so its cost is the framework's floor (decision 037).
export const dynamic = "force-dynamic";

export default async function PingPage() {
  const t = await getTranslations("ping");
  const format = await getFormatter();
  const now = new Date();
  return (
    <main id="main" className="mx-auto max-w-lg space-y-3 px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>
        {t("servedAt")} <time dateTime={now.toISOString()}>{format.dateTime(now, { dateStyle: "medium", timeStyle: "medium" })}</time>
      </p>
    </main>
  );
}
