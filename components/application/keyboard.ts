/** The fields Tab would visit, radio groups counted once (at their checked radio). */
function fieldsOf(form: HTMLFormElement): HTMLElement[] {
  const all = Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea"));
  return all.filter((el) => {
    if (el.disabled || (el instanceof HTMLInputElement && el.type === "hidden") || el.tabIndex < 0) return false;
    if (el instanceof HTMLInputElement && el.type === "radio") {
      const group = all.filter((other): other is HTMLInputElement => other instanceof HTMLInputElement && other.type === "radio" && other.name === el.name);
      return el.checked || (!group.some((r) => r.checked) && group[0] === el);
    }
    return true;
  });
}

/** Enter in a field moves to the next field (never to a button, never submitting). */
export function moveToNextField(form: HTMLFormElement, from: HTMLElement) {
  const fields = fieldsOf(form);
  const at = fields.indexOf(from);
  const next = fields[at + 1];
  if (at >= 0 && next) next.focus();
}
