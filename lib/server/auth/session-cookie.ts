import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/server/env";

export function sessionCookieName() {
  // The __Host- prefix makes the browser refuse the cookie unless Secure, path=/ and host-only.
  return env().secureCookies ? "__Host-payeeguard_session" : "payeeguard_session";
}

export async function readSessionToken() {
  return (await cookies()).get(sessionCookieName())?.value;
}

export async function writeSessionCookie(token: string) {
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().secureCookies,
    path: "/",
    maxAge: env().SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export async function clearSessionCookie() {
  (await cookies()).delete(sessionCookieName());
}
