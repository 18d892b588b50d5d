import type { ReactNode } from "react";

/** A titled block of the dashboard; `id` names its heading for aria-labelledby. */
export function DashboardSection({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">{title}</h2>
        {intro && <p className="mt-1 max-w-4xl text-sm text-slate-600">{intro}</p>}
      </div>
      {children}
    </section>
  );
}
