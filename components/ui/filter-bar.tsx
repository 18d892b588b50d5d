import type { ReactNode } from "react";
import { Input } from "./input";
import { Select } from "./select";

/**
 * A list's filters as a plain GET form: they live in the URL, so a filtered list can be
 * bookmarked, shared and paged, and the form works before any script has loaded.
 */
export function FilterBar({ label, resetHref, showReset = true, labels, children }: {
  label?: string;
  /** The list without filters. */
  resetHref: string;
  /** Off when nothing is filtered yet. */
  showReset?: boolean;
  labels: { search: string; reset: string };
  children: ReactNode;
}) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
      {children}
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{labels.search}</button>
      {/* A full load, not a client navigation: the fields' default values must be read anew. */}
      {showReset && <a href={resetHref} className="px-2 py-2 text-sm text-brand-700 underline">{labels.reset}</a>}
    </form>
  );
}

/** The free-text search of a filter bar; it takes the room the other filters leave. */
export function FilterSearch({ name = "q", label, value, placeholder, mono = false }: { name?: string; label: string; value?: string; placeholder?: string; mono?: boolean }) {
  return (
    <div className="min-w-56 flex-1">
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <Input id={name} name={name} type="search" defaultValue={value ?? ""} placeholder={placeholder} autoComplete="off" className={mono ? "font-mono" : ""} />
    </div>
  );
}

/** A short code typed exactly (an MCC, a region prefix): digits only, so the numeric keypad. */
export function FilterCode({ name, label, value, maxLength }: { name: string; label: string; value?: string; maxLength: number }) {
  return (
    <div className="w-28">
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <Input id={name} name={name} defaultValue={value ?? ""} inputMode="numeric" maxLength={maxLength} autoComplete="off" className="font-mono" />
    </div>
  );
}

/** A yes-only filter such as "mine": sent as name=1 when ticked, absent otherwise. */
export function FilterCheckbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-10 items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="size-4" />
      {label}
    </label>
  );
}

/** A choice among fixed values, with "all" (the empty value) first. */
export function FilterSelect({ name, label, value, allLabel, options }: {
  name: string;
  label: string;
  value?: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <Select id={name} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    </div>
  );
}
