import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenFilters } from "./token-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

const TONE = { active: "good", revoked: "bad", expired: "warn" } as const;

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("api-token:manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const { tokens, total, nextCursor, query } = await listApiTokens(actor, await searchParams);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("apiTokens.title")}</h1>
        <div className="flex items-center gap-4">
          <Link href="/api-docs" className="text-sm text-brand-700 underline">{t("apiTokens.docsLink")}</Link>
          <Link href="/admin/api-tokens/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apiTokens.new")}</Link>
        </div>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t("apiTokens.intro")}</p>
      <TokenFilters q={query.q} status={query.status} />
      {tokens.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p>
      ) : (
        <Table caption={t("apiTokens.title")}>
          <thead>
            <tr>
              <Th>{t("apiTokens.name")}</Th>
              <Th>{t("apiTokens.prefix")}</Th>
              <Th>{t("apiTokens.actingAs")}</Th>
              <Th>{t("apiTokens.scopes")}</Th>
              <Th>{t("apiTokens.status")}</Th>
              <Th>{t("apiTokens.created")}</Th>
              <Th>{t("apiTokens.expires")}</Th>
              <Th>{t("apiTokens.lastUsed")}</Th>
              <Th>{t("apiTokens.actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((token) => (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td className="font-mono text-xs">pg_live_{token.lookupId}_…</Td>
                <Td>{token.actingUser.displayName} <span className="font-mono text-xs text-slate-600">({token.actingUser.username})</span></Td>
                <Td className="font-mono text-xs">
                  <ul>{token.scopes.map((scope) => <li key={scope} className="whitespace-nowrap">{scope}</li>)}</ul>
                </Td>
                <Td className="whitespace-nowrap"><Badge tone={TONE[token.status]}>{t(`apiTokens.statuses.${token.status}`)}</Badge></Td>
                <Td>{when(token.createdAt)}</Td>
                <Td>{token.expiresAt ? when(token.expiresAt) : t("apiTokens.never")}</Td>
                <Td>{token.lastUsedAt ? when(token.lastUsedAt) : t("apiTokens.neverUsed")}</Td>
                <Td>{token.status === "active" && <RevokeTokenButton id={token.id} version={token.version} name={token.name} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination basePath="/admin/api-tokens" params={{ q: query.q, status: query.status }} nextCursor={nextCursor} total={total} />
    </div>
  );
}
