import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listTokenClerks } from "@/lib/server/api-tokens/list-api-tokens";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { CreateTokenForm } from "./create-token-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("new") };
}

export default async function NewApiTokenPage() {
  const actor = await requirePageActor("api-token:manage");
  const t = await getTranslations("apiTokens");
  const clerks = await listTokenClerks(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("new")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("newIntro")}</p>
      <CreateTokenForm clerks={clerks} />
    </div>
  );
}
