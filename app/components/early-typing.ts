// Typing done before the page's script has taken over (ADR 070): on a slow connection a person can type into a form
// for seconds before hydration. React 18 then puts a textarea back to the text the server sent, and no form hears of
// the typing (autosave, unsaved-changes guards, live checks). This notes what was typed until the app has hydrated,
// then puts it back as typing, so every form's handlers see it. Selects and boxes keep their choice through
// hydration, and are left as they are.

type Field = HTMLInputElement | HTMLTextAreaElement;

const typed = new Map<Field, string>();

function note(field: EventTarget | null) {
  // A file input's value cannot be set; boxes, buttons and hidden fields keep the value the server sent.
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type !== "file")) typed.set(field, field.value);
}
const onInput = (event: Event) => note(event.target);

/** Called by the client entry just before hydration: notes what was typed so far, and what is typed until then. */
export function keepEarlyTyping() {
  for (const field of document.querySelectorAll<Field>("input, textarea")) if (field.value !== field.defaultValue) note(field);
  document.addEventListener("input", onInput, true);
}

/** Called by the root once hydrated: each field typed into before gets its typing back, through React's change tracking, as an input event. */
export function putEarlyTypingBack() {
  document.removeEventListener("input", onInput, true);
  for (const [field, value] of typed) {
    if (!field.isConnected || value === field.defaultValue) continue;
    // React keeps the last value it saw through the element's own `value` setter: the server's text goes in that way,
    // the typing through the prototype's setter, so React takes the event as a change and calls onChange.
    field.value = field.defaultValue;
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set?.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
  typed.clear();
}
