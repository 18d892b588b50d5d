import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/domain/api/openapi";
import { API_OPERATIONS } from "@/lib/domain/api/operations";
import { API_SCOPES } from "@/lib/domain/api-tokens/scopes";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { OperationCard } from "./operation-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** The OpenAPI document rendered plainly: operations, parameters, schemas and examples. */
export default async function ApiDocsPage() {
  await requirePageActor();
  const t = await getTranslations("apiDocs");
  const document = openApiDocument();
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="basics" className="space-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm">
        <h2 id="basics" className="text-lg font-semibold">{t("basics")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("auth")} <code className="font-mono">Authorization: Bearer pg_live_…</code></li>
          <li>{t("scopes")} {API_SCOPES.map((s) => <code key={s} className="mr-2 font-mono">{s}</code>)}</li>
          <li>{t("neverVerify")}</li>
          <li>{t("idempotency")} <code className="font-mono">Idempotency-Key</code></li>
          <li>{t("dryRun")} <code className="font-mono">?dryRun=true</code></li>
          <li>{t("errors")} <code className="font-mono">application/problem+json</code></li>
          <li>{t("maintenance")}</li>
          <li>{t("document")} <a className="font-mono text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a></li>
        </ul>
      </section>
      <nav aria-label={t("operations")}>
        <h2 className="text-lg font-semibold">{t("operations")}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {API_OPERATIONS.map((op) => (
            <li key={op.operationId}>
              <a className="text-brand-700 underline" href={`#${op.operationId}`}><span className="font-mono uppercase">{op.method}</span> <span className="font-mono">/api/v1{op.path}</span></a> — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {API_OPERATIONS.map((op) => <OperationCard key={op.operationId} operation={op} document={document} />)}
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-lg font-semibold">{t("schemas")}</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="rounded-md border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer font-mono text-sm font-medium">{name}</summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
      <section aria-labelledby="problems" className="space-y-2 text-sm">
        <h2 id="problems" className="text-lg font-semibold">{t("problemsTitle")}</h2>
        <p>{t("problemsIntro")}</p>
        <pre className="overflow-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(PROBLEM_EXAMPLE, null, 2)}</pre>
      </section>
    </div>
  );
}

const PROBLEM_EXAMPLE = {
  type: "/api-docs#problem-validation",
  title: "The request is not valid",
  status: 422,
  code: "VALIDATION",
  errors: [{ pointer: "/merchant/creditCode", field: "merchant.creditCode", messages: ["field.USCC_CHECKSUM"] }],
  fieldErrors: { "merchant.creditCode": ["field.USCC_CHECKSUM"] },
  params: {},
};
