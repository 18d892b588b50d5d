import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listUsers } from "@/lib/server/users/list-users";
import { UserFilters } from "./user-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("user:manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const { users, total, nextCursor, prevCursor, query } = await listUsers(actor, await searchParams);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
        <Link href="/admin/users/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("users.new")}
        </Link>
      </div>
      <UserFilters q={query.q} role={query.role} status={query.status} />
      {users.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p>
      ) : (
        <Table caption={t("users.title")}>
          <thead>
            <tr>
              <Th>{t("users.username")}</Th>
              <Th>{t("users.displayName")}</Th>
              <Th>{t("users.role")}</Th>
              <Th>{t("users.status")}</Th>
              <Th>{t("users.mfa")}</Th>
              <Th>{t("users.lastChange")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link className="font-mono text-brand-700 underline" href={`/admin/users/${u.id}`}>{u.username}</Link>
                </Td>
                <Td>{u.displayName}</Td>
                <Td>{t(`roles.${u.role}`)}</Td>
                <Td className="space-x-1">
                  {u.disabledAt ? <Badge tone="bad">{t("users.disabled")}</Badge> : <Badge tone="good">{t("users.active")}</Badge>}
                  {u.locked && <Badge tone="warn">{t("users.locked")}</Badge>}
                  {u.mustChangePassword && <Badge tone="info">{t("users.mustChange")}</Badge>}
                </Td>
                <Td>{u.totpEnabledAt ? t("users.enrolled") : t("users.notEnrolled")}</Td>
                <Td>{format.dateTime(u.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination basePath="/admin/users" params={{ q: query.q, role: query.role, status: query.status }} prevCursor={prevCursor} nextCursor={nextCursor} total={total} />
    </div>
  );
}
