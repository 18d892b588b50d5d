"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { campaignSizing } from "@/lib/domain/spot-checks/campaign-sizing";
import { planOf, SPOT_CHECK_WHEN, ZCampaignOrScheduleSchema } from "@/lib/domain/spot-checks/campaign-or-schedule";
import { SPOT_CHECK_STRATEGIES, ZSpotCheckPopulationSchema, ZSpotCheckSizingSchema, type TCreateCampaign, type TSpotCheckPopulation, type TSpotCheckSizing } from "@/lib/domain/spot-checks/schemas";
import type { ActionResult } from "@/lib/server/errors";
import { SampleSizePreview } from "./sample-size-preview";

type Person = { id: string; username: string; displayName: string };
type Created = { campaignId: string } | { scheduleId: string; reference: string };
type TFormValues = TCreateCampaign & { when: (typeof SPOT_CHECK_WHEN)[number]; dayOfMonth?: number };

const CONFIDENCES = ["0.9", "0.95", "0.99"] as const;
const CHOICE = "flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-700";

/** "5" → 0.05; blank or not a number stays as typed so the schema reports it. */
const percent = (v: string) => (v.trim() === "" ? undefined : Number(v) / 100);
const whole = (v: string) => (v.trim() === "" ? undefined : Number(v));

/** What the sizing inputs mean as the schema's object: built from the typed strings on every change. */
function sizingOf(s: { method: "FIXED" | "ATTRIBUTE"; sampleSize: string; confidence: string; tolerable: string; expected: string }): TSpotCheckSizing {
  return (s.method === "FIXED"
    ? { method: "FIXED", sampleSize: whole(s.sampleSize) }
    : { method: "ATTRIBUTE", confidence: Number(s.confidence), tolerableRate: percent(s.tolerable), expectedRate: percent(s.expected) }) as TSpotCheckSizing;
}

/** Keeps the filters the user filled in; an empty population object means "all active merchants". */
function populationOf(p: { days: string; mccs: string; region: string; makerIds: string[] }): TSpotCheckPopulation {
  const mccs = p.mccs.split(/[\s,，、]+/).filter(Boolean);
  return {
    ...(p.days.trim() ? { changedWithinDays: Number(p.days) } : {}),
    ...(mccs.length ? { mccs } : {}),
    ...(p.region.trim() ? { regionPrefix: p.region.trim() } : {}),
    ...(p.makerIds.length ? { makerIds: p.makerIds } : {}),
  };
}

export function CampaignForm({ auditors, clerks, defaults, action, scheduleAction, countAction }: {
  auditors: Person[];
  clerks: Person[];
  defaults: { periodStart: string; periodEnd: string; auditorIds: string[] };
  action: (input: unknown) => Promise<ActionResult<{ campaignId: string }>>;
  scheduleAction: (input: unknown) => Promise<ActionResult<{ scheduleId: string; reference: string }>>;
  countAction: (input: unknown) => Promise<ActionResult<{ populationSize: number }>>;
}) {
  const t = useTranslations("spotChecks.new");
  const tc = useTranslations("spotChecks");
  const router = useRouter();
  const labels = {
    when: t("fields.when"), dayOfMonth: t("fields.dayOfMonth"), name: t("fields.name"), periodStart: t("fields.periodStart"), periodEnd: t("fields.periodEnd"),
    "population.changedWithinDays": t("fields.changedWithinDays"), "population.mccs": t("fields.mccs"), "population.regionPrefix": t("fields.regionPrefix"), "population.makerIds": t("fields.makerIds"), population: t("fields.population"),
    "sizing.sampleSize": t("fields.sampleSize"), "sizing.confidence": t("fields.confidence"), "sizing.tolerableRate": t("fields.tolerableRate"), "sizing.expectedRate": t("fields.expectedRate"), sizing: t("fields.sizing"),
    strategy: t("fields.strategy"), seed: t("fields.seed"), auditorIds: t("fields.auditorIds"),
  } as const;
  const [sizingInput, setSizingInput] = useState({ method: "ATTRIBUTE" as "FIXED" | "ATTRIBUTE", sampleSize: "", confidence: "0.95", tolerable: "5", expected: "1" });
  const [populationInput, setPopulationInput] = useState({ days: "", mccs: "", region: "", makerIds: [] as string[] });
  const sizing = sizingOf(sizingInput);
  const population = populationOf(populationInput);
  const { form, onSubmit, formError, errorsOf, summaryItems, submitting, attempt } = useServerForm<TFormValues, Created>({
    schema: ZCampaignOrScheduleSchema,
    // Draw now or schedule monthly: each use case gets only its own fields.
    action: (values) => {
      const plan = planOf(values);
      return plan.when === "MONTHLY" ? scheduleAction(plan.input) : action(plan.input);
    },
    defaultValues: { when: "NOW", dayOfMonth: 1, name: "", periodStart: defaults.periodStart, periodEnd: defaults.periodEnd, population: {}, sizing, strategy: "SIMPLE", seed: undefined, auditorIds: defaults.auditorIds },
    labels,
    onSuccess: (created) => router.push("campaignId" in created ? `/spot-checks/${created.campaignId}?created=1` : `/spot-checks?scheduled=${created.reference}#schedules`),
  });
  const monthly = form.watch("when") === "MONTHLY";
  const { setValue } = form;
  const sizingKey = JSON.stringify(sizing);
  const populationKey = JSON.stringify(population);
  // Once a submit has shown errors, a correction clears its message at once, not on the next submit.
  const submitted = form.formState.isSubmitted;
  useEffect(() => setValue("sizing", JSON.parse(sizingKey), { shouldValidate: submitted }), [setValue, sizingKey, submitted]);
  useEffect(() => setValue("population", JSON.parse(populationKey), { shouldValidate: submitted }), [setValue, populationKey, submitted]);

  // The population's size now, from the server, a moment after the filters stop changing.
  // Counted for which filters: while the filters just typed are being counted, no stale number shows.
  const [counted, setCounted] = useState<{ key: string; size: number | null } | null>(null);
  const populationSize = counted?.key === populationKey ? counted.size : null;
  const counting = counted?.key !== populationKey && ZSpotCheckPopulationSchema.safeParse(JSON.parse(populationKey)).success;
  useEffect(() => {
    const filters = JSON.parse(populationKey);
    if (!ZSpotCheckPopulationSchema.safeParse(filters).success) return setCounted({ key: populationKey, size: null });
    let current = true;
    const timer = setTimeout(async () => {
      const result = await countAction(filters);
      if (current) setCounted({ key: populationKey, size: result.ok ? result.value.populationSize : null });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [countAction, populationKey]);

  const validSizing = ZSpotCheckSizingSchema.safeParse(sizing);
  const planned = validSizing.success && populationSize ? campaignSizing(validSizing.data, populationSize) : null;
  const auditorIds = form.watch("auditorIds") ?? [];
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <form onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-6" aria-label={t("title")}>
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-6">
        <section aria-labelledby="campaign-basics" className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="campaign-basics" className="text-base font-semibold">{t("sections.basics")}</h2>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{labels.when}</legend>
            <div className="flex flex-wrap gap-2">
              {SPOT_CHECK_WHEN.map((when, i) => (
                <label key={when} className={CHOICE}>
                  <input type="radio" id={i === 0 ? "when" : `when-${when}`} value={when} {...form.register("when")} />
                  {t(`whenOptions.${when}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="name" label={labels.name} hint={t(monthly ? "hints.nameMonthly" : "hints.name")} errors={errorsOf("name")}>
            <Input {...form.register("name")} maxLength={200} />
          </Field>
          {monthly ? (
            <Field id="dayOfMonth" label={labels.dayOfMonth} hint={t("hints.dayOfMonth")} errors={errorsOf("dayOfMonth")}>
              <Input {...form.register("dayOfMonth", { valueAsNumber: true })} type="number" min={1} max={28} inputMode="numeric" className="max-w-28" />
            </Field>
          ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="periodStart" label={labels.periodStart} errors={errorsOf("periodStart")}>
              <Input {...form.register("periodStart")} type="date" />
            </Field>
            <Field id="periodEnd" label={labels.periodEnd} errors={errorsOf("periodEnd")}>
              <Input {...form.register("periodEnd")} type="date" />
            </Field>
          </div>
          )}
        </section>

        <section id="population" tabIndex={-1} aria-labelledby="campaign-population" className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="campaign-population" className="text-base font-semibold">{t("sections.population")}</h2>
          <p className="text-sm text-slate-600">{t("hints.population")}</p>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="population.changedWithinDays" label={labels["population.changedWithinDays"]} hint={t("hints.changedWithinDays")} errors={errorsOf("population.changedWithinDays")}>
              <Input type="number" min={1} max={3660} inputMode="numeric" value={populationInput.days} onChange={(e) => setPopulationInput((p) => ({ ...p, days: e.target.value }))} />
            </Field>
            <Field id="population.mccs" label={labels["population.mccs"]} hint={t("hints.mccs")} errors={errorsOf("population.mccs")}>
              <Input className="font-mono" value={populationInput.mccs} onChange={(e) => setPopulationInput((p) => ({ ...p, mccs: e.target.value }))} />
            </Field>
            <Field id="population.regionPrefix" label={labels["population.regionPrefix"]} hint={t("hints.regionPrefix")} errors={errorsOf("population.regionPrefix")}>
              <Input className="font-mono" inputMode="numeric" maxLength={6} value={populationInput.region} onChange={(e) => setPopulationInput((p) => ({ ...p, region: e.target.value }))} />
            </Field>
          </div>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{labels["population.makerIds"]}</legend>
            <p className="text-xs text-slate-600">{t("hints.makerIds")}</p>
            <div className="flex flex-wrap gap-2">
              {clerks.map((c, i) => (
                <label key={c.id} className={CHOICE}>
                  <input type="checkbox" id={i === 0 ? "population.makerIds" : `population.makerIds-${c.id}`} checked={populationInput.makerIds.includes(c.id)} onChange={(e) => setPopulationInput((p) => ({ ...p, makerIds: toggle(p.makerIds, c.id, e.target.checked) }))} />
                  {c.displayName} <span className="font-mono text-xs text-slate-600">{c.username}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status" className="text-sm font-medium text-slate-800" data-testid="population-size">
            {counting ? t("populationCounting") : populationSize === null ? t("populationUnknown") : t("populationSize", { count: populationSize })}
          </p>
          {errorsOf("population").length > 0 && <ul className="text-sm font-medium text-red-700">{errorsOf("population").map((e) => <li key={e}>{e}</li>)}</ul>}
        </section>

        <section id="sizing" tabIndex={-1} aria-labelledby="campaign-sizing" className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="campaign-sizing" className="text-base font-semibold">{t("sections.sizing")}</h2>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{t("fields.method")}</legend>
            <div className="flex flex-wrap gap-2">
              {(["ATTRIBUTE", "FIXED"] as const).map((method) => (
                <label key={method} className={CHOICE}>
                  <input type="radio" name="sizing-method" id={`sizing.method-${method}`} value={method} checked={sizingInput.method === method} onChange={() => setSizingInput((s) => ({ ...s, method }))} />
                  {t(`methods.${method}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {sizingInput.method === "FIXED" ? (
            <Field id="sizing.sampleSize" label={labels["sizing.sampleSize"]} hint={t("hints.sampleSize")} errors={errorsOf("sizing.sampleSize")}>
              <Input type="number" min={1} max={10000} inputMode="numeric" className="max-w-40" value={sizingInput.sampleSize} onChange={(e) => setSizingInput((s) => ({ ...s, sampleSize: e.target.value }))} />
            </Field>
          ) : (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="sizing.confidence" label={labels["sizing.confidence"]} hint={t("hints.confidence")} errors={errorsOf("sizing.confidence")}>
                <Select value={sizingInput.confidence} onChange={(e) => setSizingInput((s) => ({ ...s, confidence: e.target.value }))}>
                  {CONFIDENCES.map((c) => <option key={c} value={c}>{`${Number(c) * 100}%`}</option>)}
                </Select>
              </Field>
              <Field id="sizing.tolerableRate" label={labels["sizing.tolerableRate"]} hint={t("hints.tolerableRate")} errors={errorsOf("sizing.tolerableRate")}>
                <Input type="number" min={0.1} max={50} step="any" inputMode="decimal" value={sizingInput.tolerable} onChange={(e) => setSizingInput((s) => ({ ...s, tolerable: e.target.value }))} />
              </Field>
              <Field id="sizing.expectedRate" label={labels["sizing.expectedRate"]} hint={t("hints.expectedRate")} errors={errorsOf("sizing.expectedRate")}>
                <Input type="number" min={0} max={49} step="any" inputMode="decimal" value={sizingInput.expected} onChange={(e) => setSizingInput((s) => ({ ...s, expected: e.target.value }))} />
              </Field>
            </div>
          )}
          <SampleSizePreview sizing={validSizing.success ? validSizing.data : null} populationSize={populationSize} planned={planned} />
          {errorsOf("sizing").length > 0 && <ul className="text-sm font-medium text-red-700">{errorsOf("sizing").map((e) => <li key={e}>{e}</li>)}</ul>}
        </section>

        <section aria-labelledby="campaign-draw" className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="campaign-draw" className="text-base font-semibold">{t("sections.draw")}</h2>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{labels.strategy}</legend>
            {errorsOf("strategy").length > 0 && <ul id="strategy-error" className="text-sm font-medium text-red-700">{errorsOf("strategy").map((e) => <li key={e}>{e}</li>)}</ul>}
            <div className="grid gap-2 sm:grid-cols-3">
              {SPOT_CHECK_STRATEGIES.map((s, i) => (
                <label key={s} className={`${CHOICE} items-start`}>
                  <input type="radio" className="mt-1" id={i === 0 ? "strategy" : `strategy-${s}`} value={s} {...form.register("strategy")} />
                  <span><span className="font-medium">{tc(`strategies.${s}`)}</span><span className="block text-xs text-slate-600">{t(`strategyHints.${s}`)}</span></span>
                </label>
              ))}
            </div>
          </fieldset>
          {!monthly && (
            <Field id="seed" label={labels.seed} hint={t("hints.seed")} errors={errorsOf("seed")}>
              <Input {...form.register("seed", { setValueAs: (v: string | undefined) => (v?.trim() ? v : undefined) })} className="max-w-md font-mono" maxLength={128} />
            </Field>
          )}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{labels.auditorIds}</legend>
            <p className="text-xs text-slate-600">{t("hints.auditorIds")}</p>
            {errorsOf("auditorIds").length > 0 && <ul id="auditorIds-error" className="text-sm font-medium text-red-700">{errorsOf("auditorIds").map((e) => <li key={e}>{e}</li>)}</ul>}
            <div className="flex flex-wrap gap-2">
              {auditors.map((a, i) => (
                <label key={a.id} className={CHOICE}>
                  <input type="checkbox" id={i === 0 ? "auditorIds" : `auditorIds-${a.id}`} checked={auditorIds.includes(a.id)} onChange={(e) => setValue("auditorIds", toggle(auditorIds, a.id, e.target.checked), { shouldValidate: submitted })} />
                  {a.displayName} <span className="font-mono text-xs text-slate-600">{a.username}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </section>
      </fieldset>
      <Button type="submit" disabled={submitting}>{submitting ? t("submitting") : t(monthly ? "submitMonthly" : "submit")}</Button>
    </form>
  );
}
