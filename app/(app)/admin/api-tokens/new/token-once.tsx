"use client";

import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The only time the token exists outside the integration: the server keeps its hash alone. */
export function TokenOnce({ token, name }: { token: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    await navigator.clipboard.writeText(token).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section aria-labelledby="token-once" className="max-w-3xl space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-6">
      <h2 id="token-once" ref={heading} tabIndex={-1} className="text-lg font-semibold">{t("createdTitle", { name })}</h2>
      <p className="text-sm font-medium text-amber-900">{t("showOnce")}</p>
      <label htmlFor="new-token" className="block text-sm font-medium">{t("tokenLabel")}</label>
      <div className="flex gap-2">
        <input id="new-token" readOnly value={token} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        <Button onClick={copy}>{copied ? t("copied") : t("copy")}</Button>
      </div>
      <p role="status" className="sr-only">{copied ? t("copied") : ""}</p>
      <p className="text-sm">{t("usage")}</p>
      <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl -H "Authorization: Bearer ${token.slice(0, 20)}…" -H "Idempotency-Key: $(uuidgen)" \\\n     -H "Content-Type: application/json" -d @application.json /api/v1/applications`}</pre>
      <Link href="/admin/api-tokens" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("done")}</Link>
    </section>
  );
}
