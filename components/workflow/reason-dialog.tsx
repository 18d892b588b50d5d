"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS } from "@/components/ui/input";

export type TReasonMode = { title: string; label: string; hint: string; confirm: string; minMessageKey: string; danger: boolean; maxLength?: number };

/** A reason before acting: reject and return share one (two dialogs would share the primitive's heading id); suspend and reactivate too. */
export function ReasonDialog({ mode, pending, serverError, onClose, onSubmit }: {
  mode: TReasonMode | null;
  pending: boolean;
  serverError?: string;
  onClose: () => void;
  onSubmit: (text: string) => void;
}) {
  const t = useTranslations();
  const [text, setText] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const close = () => { setText(""); setTooShort(false); onClose(); };
  const errors = [...(tooShort && mode ? [t(mode.minMessageKey)] : []), ...(serverError ? [serverError] : [])];
  return (
    <Dialog open={mode !== null} onClose={close} title={mode?.title ?? ""}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const short = text.trim().length < 5;
          setTooShort(short);
          if (!short) onSubmit(text.trim());
        }}
      >
        <Field id="decision-text" label={mode?.label ?? ""} hint={mode?.hint} errors={errors}>
          <textarea className={`${INPUT_CLASS} min-h-28`} value={text} onChange={(e) => setText(e.target.value)} maxLength={mode?.maxLength ?? 1000} required />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>{t("common.cancel")}</Button>
          <Button type="submit" variant={mode?.danger ? "danger" : "primary"} disabled={pending}>{pending ? t("common.loading") : mode?.confirm}</Button>
        </div>
      </form>
    </Dialog>
  );
}
