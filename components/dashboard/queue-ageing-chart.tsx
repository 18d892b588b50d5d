"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AGE_BUCKETS, type TAgeBucket } from "@/lib/domain/dashboard/ageing";

const BUCKET_COLOURS: Record<TAgeBucket, string> = { underOneDay: "#15803d", oneToThreeDays: "#ca8a04", threeToSevenDays: "#c2410c", overSevenDays: "#b91c1c" };

export type QueueAgeingDatum = { queue: string } & Record<TAgeBucket, number>;

/** Stacked bars: each queue's requests by how long they have waited. The queue table holds the same figures. */
export function QueueAgeingChart({ data, bucketLabels, label }: { data: QueueAgeingDatum[]; bucketLabels: Record<TAgeBucket, string>; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="queue" width={150} tick={{ fontSize: 12 }} />
          <Tooltip />
          {/* Legend in the bars' order (not alphabetical), its text in body colour for contrast. */}
          <Legend itemSorter={(item) => (AGE_BUCKETS as readonly unknown[]).indexOf(item.dataKey)} formatter={(value) => <span className="text-slate-800">{value}</span>} />
          {AGE_BUCKETS.map((b) => (
            <Bar key={b} dataKey={b} name={bucketLabels[b]} stackId="age" fill={BUCKET_COLOURS[b]} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
