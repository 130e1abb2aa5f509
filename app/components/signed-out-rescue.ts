// What a person typed into a page's forms, kept when a save finds their session ended, and put back once they have
// signed in again (ADR 069). Loaded after hydration by the root's useKeptTyping, which tells it where the app is and
// where it is heading: the snapshot is taken while the page is still on screen, as the app heads for the sign-in page.

import { isKeptKind, keptTypingFate, type Kept, type KeptField, type KeptForm } from "./kept-typing-rules";

/** Where the typing waits, in this tab only: it goes when the tab closes, and another tab never sees it. */
const KEPT_KEY = "pf:kept-typing";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Fields typed into since the app loaded (their elements: a new page's fields are new elements). */
const typedInto = new WeakSet<EventTarget>();
if (typeof document !== "undefined") document.addEventListener("input", (event) => event.target && typedInto.add(event.target), true);

const postForms = () => Array.from(document.querySelectorAll<HTMLFormElement>("form")).filter((f) => f.method.toLowerCase() === "post");
const fieldsOf = (form: HTMLFormElement) =>
  Array.from(form.elements).filter(
    (e): e is Field => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement) && Boolean(e.name),
  );
/** The nth form of the page with this action, the nth field of the form with this name: how a kept field finds its place again. */
const nthOf = <T>(items: T[], item: T, same: (a: T) => boolean) => items.filter(same).indexOf(item);

/** Keeps what `userId` typed into the page's forms, as the app heads for the sign-in page; nothing when nothing was typed. */
function keep(userId: string, path: string) {
  const forms = postForms();
  const kept: KeptForm[] = [];
  for (const form of forms) {
    const fields = fieldsOf(form);
    const typed = fields.filter((f) => typedInto.has(f) && isKeptKind(f.type));
    if (typed.length === 0) continue;
    const action = form.getAttribute("action") ?? "";
    kept.push({
      action,
      nth: nthOf(forms, form, (f) => (f.getAttribute("action") ?? "") === action),
      fields: typed.map((f) => {
        const nth = nthOf(fields, f, (g) => g.name === f.name);
        return f instanceof HTMLInputElement && (f.type === "checkbox" || f.type === "radio")
          ? { name: f.name, nth, checked: f.checked }
          : { name: f.name, nth, value: f.value };
      }),
    });
  }
  if (kept.length === 0) return;
  try {
    sessionStorage.setItem(KEPT_KEY, JSON.stringify({ userId, path, at: Date.now(), forms: kept } satisfies Kept));
  } catch {
    // Storage full or refused: nothing can be kept, as without JavaScript.
  }
}

/** Sets a field as typing would, so the page's own handlers (checks, the unsaved-changes guard, autosave) see it. */
function put(field: Field, kept: KeptField) {
  if ("checked" in kept) {
    if (field instanceof HTMLInputElement && field.checked !== kept.checked) field.click();
    return;
  }
  if (field.value === kept.value) return;
  const proto = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(field, kept.value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
}

/** What the page says once typing is back, as a message above it (until the next form is sent, or dismissed). */
const BROUGHT_BACK = {
  kind: "error",
  message: "Your session had ended, so your last change was not saved. What you typed is back in the form below: check it and save again.",
} as const;

/**
 * On arriving at `path` as `userId` (null: signed out): puts kept typing back into the page's forms when it was typed
 * here by this person, and forgets it unless still on the way (`keptTypingFate`). The message to show when something
 * was put back.
 */
function bringBack(userId: string | null, path: string): { kind: "error"; message: string } | null {
  let kept: Kept | null = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEPT_KEY) ?? "null") as Kept | null;
  } catch {
    // Storage refused, or not ours to read: nothing was kept.
  }
  if (!kept) return null;
  const fate = keptTypingFate(kept, userId, path, Date.now());
  if (fate === "wait") return null;
  sessionStorage.removeItem(KEPT_KEY);
  if (fate === "drop") return null;
  const forms = postForms();
  let restored = false;
  for (const keptForm of kept.forms) {
    const form = forms.filter((f) => (f.getAttribute("action") ?? "") === keptForm.action)[keptForm.nth];
    if (!form) continue;
    const fields = fieldsOf(form);
    for (const keptField of keptForm.fields) {
      const field = fields.filter((f) => f.name === keptField.name)[keptField.nth];
      if (!field || !isKeptKind(field.type)) continue;
      put(field, keptField);
      restored = true;
    }
  }
  return restored ? { ...BROUGHT_BACK } : null;
}

let shownAt: string | null = null;

/**
 * Called by the root at every move of the app: on a new page (`here.key`), the last page's message goes and kept
 * typing may come back; heading for the sign-in page while signed in, what was typed on this page is kept.
 */
export function follow(
  userId: string | null,
  here: { pathname: string; key: string },
  heading: { pathname: string } | undefined,
  show: (message: { kind: "error"; message: string } | null) => void,
) {
  if (userId && heading?.pathname === "/login") keep(userId, here.pathname);
  if (here.key === shownAt) return;
  shownAt = here.key;
  show(bringBack(userId, here.pathname));
}
