/** A file size for people: B under 1 KiB, KB under 1 MiB, else MB (1 decimal); numbers in the caller's locale. */
export function fileSize(bytes: number, formatNumber: (n: number, maximumFractionDigits: number) => string = (n, d) => n.toLocaleString("en", { maximumFractionDigits: d })): string {
  if (bytes < 1024) return `${formatNumber(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
