"use client";

import type { Path } from "react-hook-form";
import { useApplicationForm, type TApplicationFormValues } from "./form-context";

/** `register` for identifier fields: on blur, after react-hook-form's own handling, normalise and check. */
export function useIdentifierRegister() {
  const { form, identifierBlur } = useApplicationForm();
  return (path: Path<TApplicationFormValues>) => {
    const registration = form.register(path);
    return {
      ...registration,
      onBlur: async (event: { target: unknown; type?: unknown }) => {
        await registration.onBlur(event);
        identifierBlur(path);
      },
    };
  };
}
