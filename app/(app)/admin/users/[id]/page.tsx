import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getUserDetail } from "@/lib/server/users/get-user-detail";
import { UserActions } from "./user-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("detail") };
}

export default async function UserDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("user:manage");
  const user = await getUserDetail(actor, (await params).id);
  if (!user) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const rows: [string, React.ReactNode][] = [
    [t("users.username"), <span key="u" className="font-mono">{user.username}</span>],
    [t("users.displayName"), user.displayName],
    [t("users.role"), t(`roles.${user.role}`)],
    [t("users.status"), <span key="s" className="space-x-1">{user.disabledAt ? <Badge tone="bad">{t("users.disabled")}</Badge> : <Badge tone="good">{t("users.active")}</Badge>}{user.locked && <Badge tone="warn">{t("users.locked")}</Badge>}{user.mustChangePassword && <Badge tone="info">{t("users.mustChange")}</Badge>}</span>],
    [t("users.mfa"), user.totpEnabledAt ? t("users.enrolled") : t("users.notEnrolled")],
    [t("users.sessions"), user.sessions],
    [t("users.lastChange"), format.dateTime(user.updatedAt, { dateStyle: "medium", timeStyle: "short" })],
  ];
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">← {t("users.back")}</Link>
      <h1 className="text-2xl font-semibold">{user.displayName} <span className="font-mono text-lg text-slate-500">{user.username}</span></h1>
      <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {user.id === actor.id ? (
        <p className="text-sm text-slate-600">{t("validation.user.notSelf")}</p>
      ) : (
        <UserActions key={user.version} user={{ id: user.id, version: user.version, role: user.role, displayName: user.displayName, disabled: !!user.disabledAt }} />
      )}
    </div>
  );
}
