import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/server/auth/current-actor";
import { Enrolment } from "./enrolment";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfa"))("enrollTitle") };
}

export default async function EnrolPage() {
  const actor = await currentActor();
  if (actor?.mfaEnrolled) redirect("/mfa");
  const t = await getTranslations("mfa");
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("enrollTitle")}</h1>
      <p className="text-sm text-slate-700">{t("enrollIntro")}</p>
      <Enrolment />
    </section>
  );
}
