"use client";

import { usePathname } from "next/navigation";
import Link from "@/components/ui/link";
import { currentEntry } from "@/lib/domain/navigation";

export type NavEntry = { href: string; label: string; count: number; countLabel: string };

export function MainNav({ label, entries }: { label: string; entries: NavEntry[] }) {
  const current = currentEntry(
    entries.map((entry) => entry.href),
    usePathname(),
  );
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {entries.map((entry) => {
        const here = entry.href === current;
        return (
          <Link
            key={entry.href}
            href={entry.href}
            aria-current={here ? "page" : undefined}
            className={`inline-flex items-center gap-1.5 rounded px-3 py-1.5 text-sm ${here ? "bg-brand-50 font-semibold text-brand-800 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {entry.label}
            {entry.count > 0 && (
              <>
                <span aria-hidden="true" className="rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">
                  {entry.count}
                </span>
                <span className="sr-only">{entry.countLabel}</span>
              </>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
