import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/lib/server/auth/current-actor";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return <AppShell user={actor}>{children}</AppShell>;
}
