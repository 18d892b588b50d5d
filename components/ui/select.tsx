import { forwardRef, type SelectHTMLAttributes } from "react";
import { INPUT_CLASS } from "./input";

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className = "", ...props }, ref) {
  return <select ref={ref} className={`${INPUT_CLASS} ${className}`} {...props} />;
});
