/** done / total with a bar; the figure is the text, the bar only decoration. */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <span className="inline-flex min-w-32 items-center gap-2">
      <span className="h-2 w-20 overflow-hidden rounded bg-slate-200" aria-hidden="true">
        <span className="block h-full bg-brand-700" style={{ width: `${pct}%` }} />
      </span>
      <span className="tabular-nums">{label}</span>
    </span>
  );
}
