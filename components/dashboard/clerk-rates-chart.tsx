"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { RATE_KEYS, type TRateKey } from "@/lib/domain/dashboard/quality";
const RATE_COLOURS: Record<TRateKey, string> = { mismatchRate: "#b45309", returnRate: "#1d4ed8", rejectionRate: "#b91c1c", discrepancyRate: "#6d28d9" };

/** Percentages; null (no data) is left out of the bar rather than drawn as 0 %. */
export type ClerkRatesDatum = { clerk: string } & Record<TRateKey, number | null>;

const percent = (v: unknown) => (typeof v === "number" ? `${Math.round(v)}%` : "—");

/** Grouped bars of each clerk's four rates; the per-clerk table holds the same figures with their counts. */
export function ClerkRatesChart({ data, rateLabels, label }: { data: ClerkRatesDatum[]; rateLabels: Record<TRateKey, string>; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="clerk" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={percent} domain={[0, 100]} />
          <Tooltip formatter={(v) => percent(v)} />
          {/* Legend in the bars' order (not alphabetical), its text in body colour for contrast. */}
          <Legend itemSorter={(item) => (RATE_KEYS as readonly unknown[]).indexOf(item.dataKey)} formatter={(value) => <span className="text-slate-800">{value}</span>} />
          {RATE_KEYS.map((k) => (
            <Bar key={k} dataKey={k} name={rateLabels[k]} fill={RATE_COLOURS[k]} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
