import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locale";

// No locale in the URL: a back-office app keeps one address per screen; the choice is a cookie,
// written from the user's saved preference at sign-in.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
