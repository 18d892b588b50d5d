import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
  link: "text-brand-700 underline-offset-2 hover:underline",
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS };

export function Button({ variant = "primary", className = "", type = "button", ...props }: ButtonProps) {
  const box = variant === "link" ? "" : "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium";
  return <button type={type} className={`${box} ${VARIANTS[variant]} disabled:cursor-not-allowed ${className}`} {...props} />;
}
