/** A one-line gist of an event's recorded values for the trail's list; the detail page has them all. */
export function summarizeAuditValues(after: unknown, max = 3): string {
  if (!after || typeof after !== "object" || Array.isArray(after)) return "";
  return Object.entries(after as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .slice(0, max)
    .map(([k, v]) => `${k}: ${clip(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join(" · ");
}

function clip(text: string, length = 40) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
