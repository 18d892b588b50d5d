"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/locale";
import { signIn } from "@/lib/server/auth/sign-in";
import { writeSessionCookie } from "@/lib/server/auth/session-cookie";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function signInAction(input: unknown) {
  return asActionResult(async () => {
    const result = await signIn(input, await currentRequestMeta());
    await writeSessionCookie(result.token);
    (await cookies()).set(LOCALE_COOKIE, result.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    // The signed-in layout sends the user on to a forced password change or the second factor.
    return { next: result.needsMfa ? "/mfa" : "/" };
  }, "read-only-safe");
}
