"use client";

import { useEffect, useState } from "react";
import { useController } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FieldErrors } from "./application-field";
import { useApplicationForm } from "./form-context";

type TDivisions = typeof import("@/lib/domain/reference/divisions");

const PATH = "merchant.divisionCode";

/**
 * Province → city → district, plus a box for the 6-digit code for clerks who have it at hand.
 * The value is the lowest level there is (a district, or a city without districts); until then it
 * stays empty so the schema asks for the district. The divisions table loads as its own chunk.
 */
export function DivisionSelect() {
  const t = useTranslations("application");
  const { form, errorsFor } = useApplicationForm();
  const { field } = useController({ control: form.control, name: PATH });
  const [divisions, setDivisions] = useState<TDivisions | null>(null);
  const [province, setProvince] = useState("");
  const [city, setCity] = useState("");
  const [codeText, setCodeText] = useState(field.value ?? "");
  const value = field.value ?? "";

  useEffect(() => {
    let live = true;
    void import("@/lib/domain/reference/divisions").then((module) => live && setDivisions(module));
    return () => {
      live = false;
    };
  }, []);

  // A value set from outside (a resumed draft) opens the cascade at that place.
  useEffect(() => {
    if (!divisions || !value) return;
    const path = divisions.divisionPath(value);
    setProvince(path[0]?.code ?? "");
    setCity(path[1]?.code ?? "");
    setCodeText(value);
  }, [divisions, value]);

  const choose = (code: string) => {
    if (!divisions) return;
    const path = divisions.divisionPath(code);
    setProvince(path[0]?.code ?? "");
    setCity(path[1]?.code ?? "");
    field.onChange(divisions.isAddressDivision(code) ? code : "");
  };

  const errors = errorsFor(PATH);
  const errorId = errors.length ? `${PATH}-error` : undefined;
  const cities = divisions && province ? divisions.citiesOf(province) : [];
  const districts = divisions && city ? divisions.districtsOf(city) : [];
  const fullName = divisions && value ? divisions.divisionFullName(value) : undefined;
  const control = { "aria-invalid": errors.length > 0 || undefined, "aria-describedby": [errorId, `${PATH}-chosen`].filter(Boolean).join(" "), onBlur: field.onBlur };

  return (
    <fieldset className="space-y-1 sm:col-span-2">
      <legend className="text-sm font-medium text-slate-800">{t("fields.division")}</legend>
      <p className="text-xs text-slate-600">{t("hints.division")}</p>
      {errorId && <FieldErrors id={errorId} errors={errors} />}
      <div className="grid gap-2 sm:grid-cols-4">
        <div className="space-y-1">
          <label htmlFor={PATH} className="block text-xs text-slate-700">{t("fields.province")}</label>
          <Select id={PATH} ref={field.ref} value={province} disabled={!divisions} {...control} onChange={(e) => { setCodeText(e.target.value); choose(e.target.value); }}>
            <option value="">{divisions ? t("choose") : t("loading")}</option>
            {divisions?.provinces().map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${PATH}-city`} className="block text-xs text-slate-700">{t("fields.city")}</label>
          <Select id={`${PATH}-city`} value={city} disabled={cities.length === 0} {...control} onChange={(e) => { setCodeText(e.target.value || province); if (e.target.value) choose(e.target.value); else { setCity(""); field.onChange(""); } }}>
            <option value="">{t("choose")}</option>
            {cities.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${PATH}-district`} className="block text-xs text-slate-700">{t("fields.district")}</label>
          <Select id={`${PATH}-district`} value={districts.some((d) => d.code === value) ? value : ""} disabled={districts.length === 0} {...control} onChange={(e) => { setCodeText(e.target.value || city); field.onChange(e.target.value); }}>
            <option value="">{city && districts.length === 0 ? t("noDistricts") : t("choose")}</option>
            {districts.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${PATH}-code`} className="block text-xs text-slate-700">{t("fields.divisionCode")}</label>
          <Input
            id={`${PATH}-code`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={codeText}
            disabled={!divisions}
            {...control}
            onChange={(e) => {
              setCodeText(e.target.value);
              const code = e.target.value.replace(/[\s\uFF10-\uFF19]/g, (c) => (/\s/.test(c) ? "" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
              if (divisions && /^\d{6}$/.test(code) && divisions.isKnownDivision(code)) choose(code);
              else if (value) field.onChange("");
            }}
          />
        </div>
      </div>
      <p id={`${PATH}-chosen`} className="text-xs text-slate-700" aria-live="polite">
        {fullName ? t("divisionChosen", { name: fullName, code: value }) : ""}
      </p>
    </fieldset>
  );
}
