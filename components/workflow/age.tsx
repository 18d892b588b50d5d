import { getFormatter } from "next-intl/server";

/** How long a request has waited ("2 小时前"), with the exact time for hover and screen readers. */
export async function Age({ since, now }: { since: Date; now: Date }) {
  const format = await getFormatter();
  const exact = format.dateTime(since, { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={since.toISOString()} title={exact}>
      {format.relativeTime(since, now)}
    </time>
  );
}
