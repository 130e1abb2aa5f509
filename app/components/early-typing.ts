// Typing done before the page's script has taken over (ADR 070): on a slow connection a person can type into a form
// for seconds before hydration. React 18 then puts a textarea back to the text the server sent, and no form hears of
// the typing (autosave, unsaved-changes guards, live checks). This notes what is typed until React has hydrated the
// field and keeps React from putting such a textarea back; early-typing-back.ts, which arrives after hydration, then
// tells the forms of the typing. Selects and boxes keep their choice through hydration, and are left as they are.

type Field = HTMLInputElement | HTMLTextAreaElement;

/** The fields typed into before React hydrated them, with what they hold; early-typing-back.ts empties it. */
export const typed = new Map<Field, string>();
const textareaValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!;

/** React has hydrated the element: it keeps its fiber on it, under a key of its own (React 18 and 19). */
export const hydrated = (field: Field) => Object.keys(field).some((key) => key.startsWith("__reactFiber$"));

function note(field: EventTarget | null) {
  // A file input's value cannot be set; boxes, buttons and hidden fields keep the value the server sent.
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type !== "file")) typed.set(field, field.value);
}
/** Typing into a field React has not hydrated yet, or one typed into before it was. */
export const onInput = ({ target }: Event) => (typed.has(target as Field) || !hydrated(target as Field)) && note(target);

/**
 * Called by the client entry just before hydration. On a fresh load (not a reload or back and forward, where the
 * browser may fill in values it kept), notes what was typed so far; then notes what is typed until hydration.
 */
export function keepEarlyTyping() {
  if ((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.type === "navigate")
    for (const field of document.querySelectorAll<Field>("input, textarea")) if (field.value !== field.defaultValue) note(field);
  document.addEventListener("input", onInput, true);
  // React's hydration sets a textarea to the server's text: a textarea typed into keeps its text instead.
  Object.defineProperty(HTMLTextAreaElement.prototype, "value", {
    ...textareaValue,
    set(this: HTMLTextAreaElement, value: string) {
      if (!(typed.has(this) && value === this.defaultValue)) textareaValue.set!.call(this, value);
    },
  });
}
