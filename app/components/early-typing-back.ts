// Typing done before the page's script took over, told to the forms once hydrated (ADR 070): the part of
// early-typing.ts that can wait, loaded after hydration with signed-out-rescue.ts rather than with every page.
import { hydrated, onInput, typed } from "./early-typing";

/** Each hydrated field typed into before gets its typing back, through React's change tracking, as an input event. */
function putBack() {
  for (const [field, value] of typed) {
    if (!hydrated(field)) continue; // In a part whose code is still on its way (ADR 043): once it has arrived.
    if (field.isConnected && value !== field.defaultValue) {
      // React keeps the last value it saw through the element's own `value` setter: the server's text goes in that
      // way (a textarea keeps its own text meanwhile: early-typing.ts's setter), the typing through the prototype's
      // setter, so React takes the event as a change and calls onChange. Setting a value moves the caret to its end,
      // so where the person is typing it goes back where it was (null for fields without a caret, such as email).
      const { selectionStart: start, selectionEnd: end, selectionDirection: direction } = field;
      field.value = field.defaultValue;
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set?.call(field, value);
      if (field === document.activeElement && start !== null && end !== null) field.setSelectionRange(start, end, direction ?? undefined);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    typed.delete(field);
  }
}

/** Puts the typing back now, and in parts that hydrate later (ADR 043) as they do, for half a minute. */
export function putEarlyTypingBack() {
  putBack();
  const waiting = setInterval(putBack, 250);
  setTimeout(() => {
    clearInterval(waiting);
    document.removeEventListener("input", onInput, true);
    typed.clear();
  }, 30_000);
}
