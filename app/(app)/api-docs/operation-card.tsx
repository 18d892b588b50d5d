import { getTranslations } from "next-intl/server";
import type { openApiDocument } from "@/lib/domain/api/openapi";
import type { TApiOperation } from "@/lib/domain/api/operations";

type TOperationDoc = {
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: { $ref: string }; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
};

const schemaName = (ref?: string) => ref?.split("/").at(-1);

export async function OperationCard({ operation, document }: { operation: TApiOperation; document: ReturnType<typeof openApiDocument> }) {
  const t = await getTranslations("apiDocs");
  const doc = document.paths[operation.path]![operation.method] as TOperationDoc;
  const body = doc.requestBody?.content["application/json"];
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
      <h3 id={`${operation.operationId}-title`} className="text-base font-semibold">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 font-mono text-xs uppercase text-white">{operation.method}</span>
        <span className="font-mono">/api/v1{operation.path}</span>
      </h3>
      <p className="font-medium">{operation.summary}</p>
      <p className="text-slate-700">{operation.description}</p>
      <p>{t("scope")} {operation.scope ? <code className="font-mono">{operation.scope}</code> : t("noAuth")}</p>
      {doc.parameters?.length ? (
        <table className="w-full text-left text-xs">
          <caption className="text-left text-sm font-medium">{t("parameters")}</caption>
          <thead><tr><th className="py-1">{t("paramName")}</th><th>{t("paramIn")}</th><th>{t("paramRequired")}</th><th>{t("paramDescription")}</th></tr></thead>
          <tbody>
            {doc.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                <td className="py-1 font-mono">{p.name}</td><td>{p.in}</td><td>{p.required ? t("yes") : t("no")}</td><td>{p.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body && (
        <div className="space-y-1">
          <p>{t("requestBody")} <a className="font-mono text-brand-700 underline" href={`#schema-${schemaName(body.schema.$ref)}`}>{schemaName(body.schema.$ref)}</a></p>
          {body.example ? (
            <details><summary className="cursor-pointer">{t("example")}</summary><pre className="mt-1 overflow-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(body.example, null, 2)}</pre></details>
          ) : null}
        </div>
      )}
      <ul className="space-y-0.5">
        {Object.entries(doc.responses).map(([status, response]) => {
          const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
          const name = schemaName(media?.schema.$ref);
          return (
            <li key={status}>
              <span className="font-mono font-medium">{status}</span> {response.description}
              {name && <> — <a className="font-mono text-brand-700 underline" href={`#schema-${name}`}>{name}</a> <span className="text-slate-500">({type})</span></>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
