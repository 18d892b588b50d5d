"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "@/i18n/locale";
import { ZLocaleSchema } from "@/lib/domain/users/schemas";
import { currentActor } from "@/lib/server/auth/current-actor";
import { clearSessionCookie } from "@/lib/server/auth/session-cookie";
import { signOut } from "@/lib/server/auth/sign-out";
import { asActionResult, parseInput } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { setOwnLocale } from "@/lib/server/users/set-own-locale";

/** Open to everyone (the sign-in page has a switch too); saved to the user when signed in. */
export async function switchLocaleAction(locale: unknown) {
  return asActionResult(async () => {
    const input = parseInput(ZLocaleSchema, { locale });
    const actor = await currentActor();
    if (actor) await setOwnLocale({ actor, input, requestMeta: await currentRequestMeta() });
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    return input;
  }, "read-only-safe");
}

export async function signOutAction() {
  await signOut(await currentActor(), await currentRequestMeta());
  await clearSessionCookie();
  redirect("/sign-in");
}
