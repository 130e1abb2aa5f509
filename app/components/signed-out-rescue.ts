// What a person typed into a page's forms, kept when a save finds their session ended, and put back once they have
// signed in again (ADR 069). Loaded after hydration by the root's useKeptTyping, which tells it where the app is and
// where it is heading: the snapshot is taken while the page is still on screen, as the app heads for the sign-in page.
import { putEarlyTypingBack } from "./early-typing-back";
import { broughtBackWords, formIdentity, isKeptKind, keptTypingFate, type Kept, type KeptField, type KeptForm } from "./kept-typing-rules";

/** Where the typing waits: in this tab only (a duplicated tab copies it), and gone when the tab closes. */
const KEPT_KEY = "pf:kept-typing";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Message = { kind: "error"; message: string };

/** Fields typed into since this module loaded, right after hydration (their elements: a new page's fields are new). */
const typedInto = new WeakSet<EventTarget>();
if (typeof document !== "undefined") document.addEventListener("input", (event) => event.target && typedInto.add(event.target), true);
// This module arrives once the page has hydrated (the root's effect): typing done before is told to the forms now.
if (typeof document !== "undefined") putEarlyTypingBack();

const isBox = (f: Field): f is HTMLInputElement => f instanceof HTMLInputElement && (f.type === "checkbox" || f.type === "radio");
const fieldsOf = (form: HTMLFormElement) =>
  Array.from(form.elements).filter(
    (e): e is Field => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement) && Boolean(e.name),
  );
const identityOf = (form: HTMLFormElement) =>
  formIdentity(form.getAttribute("action") ?? "", [
    ...fieldsOf(form)
      .filter((f) => f.type === "hidden")
      .map((f): [string, string] => [f.name, f.value]),
    ...Array.from(form.querySelectorAll<HTMLButtonElement>("button[name]"), (b): [string, string] => [b.name, b.value]),
  ]);
/** The page's post forms by what they act on; a form whose identity another form shares is never picked. */
function formsByIdentity(): Map<string, HTMLFormElement | null> {
  const forms = new Map<string, HTMLFormElement | null>();
  for (const form of document.querySelectorAll<HTMLFormElement>("form")) {
    if (form.method.toLowerCase() !== "post") continue;
    const identity = identityOf(form);
    forms.set(identity, forms.has(identity) ? null : form);
  }
  return forms;
}
/** The value a field had when the page loaded it (React renders these forms' fields with default values). */
const loaded = (f: Field) => (f instanceof HTMLSelectElement ? (Array.from(f.options).find((o) => o.defaultSelected)?.value ?? "") : f.defaultValue);

/** Keeps what `userId` typed into the page's forms, as the app heads for the sign-in page; nothing when nothing was typed. */
function keep(userId: string, path: string) {
  const kept: KeptForm[] = [];
  for (const [identity, form] of formsByIdentity()) {
    if (!form) continue;
    const fields = fieldsOf(form);
    // Typed into since this module loaded, or before it arrived (typing done before hydration, ADR 070, or while this
    // module loaded): a text other than the one the page loaded. (A select without a chosen option shows its first,
    // which is no choice of the person's.)
    const typed = fields.filter((f) => (typedInto.has(f) || (!isBox(f) && f.type !== "select-one" && f.value !== loaded(f))) && isKeptKind(f.type));
    if (typed.length === 0) continue;
    kept.push({
      identity,
      fields: typed.map((f): KeptField => {
        if (isBox(f)) return { name: f.name, option: f.value, was: f.defaultChecked, checked: f.checked };
        return { name: f.name, nth: fields.filter((g) => g.name === f.name).indexOf(f), was: loaded(f), value: f.value };
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

function forget() {
  try {
    sessionStorage.removeItem(KEPT_KEY);
  } catch {
    // Storage refused: nothing was kept.
  }
}

/**
 * Sets a field as typing would, so the page's own handlers (checks, the unsaved-changes guard, autosave) see it: only
 * where the page still loads what it loaded then. "put" when it changed the field, "same" when it already said that,
 * "skipped" when the saved value changed meanwhile.
 */
function put(fields: Field[], kept: KeptField): "put" | "same" | "skipped" {
  if ("option" in kept) {
    const box = fields.find((f): f is HTMLInputElement => isBox(f) && f.name === kept.name && f.value === kept.option);
    // Saved as typed (by an autosave before the session ended): nothing to put back.
    if (box && box.defaultChecked === kept.checked) return "same";
    if (!box || box.defaultChecked !== kept.was) return "skipped";
    if (box.checked === kept.checked) return "same";
    box.click();
    return "put";
  }
  const field = fields.filter((f) => f.name === kept.name)[kept.nth];
  if (!field || isBox(field) || !isKeptKind(field.type)) return "skipped";
  if (loaded(field) === kept.value) return "same";
  if (loaded(field) !== kept.was) return "skipped";
  if (field.value === kept.value) return "same";
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, "value")?.set?.call(field, kept.value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
  return "put";
}

function read(): Kept | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT_KEY) ?? "null") as Kept | null;
  } catch {
    return null;
  }
}

/** How often, and how long apart, kept typing looks for its forms: sections that arrive after the page's own chunk. */
const TRIES = 8;
const TRY_EVERY_MS = 250;

/**
 * On arriving at `path` as `userId` (null: signed out): puts kept typing back into the page's forms when it was typed
 * here by this person, and forgets it unless still on the way (`keptTypingFate`). A form not on the page yet is looked
 * for again a few times. Then `show` gets what to say (nothing when nothing was kept for this page).
 */
function bringBack(userId: string | null, path: string, show: (message: Message | null) => void, still: () => boolean) {
  const kept = read();
  const fate = kept ? keptTypingFate(kept, userId, path, Date.now()) : "drop";
  if (!kept || fate === "wait") return show(null);
  forget();
  if (fate === "drop") return show(null);
  let left = kept.forms;
  let restored = 0;
  let skipped = 0;
  const attempt = (tries: number) => {
    if (!still()) return;
    const forms = formsByIdentity();
    const later: KeptForm[] = [];
    for (const keptForm of left) {
      const form = forms.get(keptForm.identity);
      if (!form) {
        if (forms.has(keptForm.identity) || tries === 0) skipped += keptForm.fields.length;
        else later.push(keptForm);
        continue;
      }
      const fields = fieldsOf(form);
      for (const field of keptForm.fields) {
        const done = put(fields, field);
        if (done === "put") restored += 1;
        if (done === "skipped") skipped += 1;
      }
    }
    left = later;
    if (left.length && tries > 0) setTimeout(() => attempt(tries - 1), TRY_EVERY_MS);
    else {
      const words = broughtBackWords(restored, skipped);
      show(words ? { kind: "error", message: words } : null);
    }
  };
  attempt(TRIES);
}

let shownAt: string | null = null;

/**
 * Called by the root at every move of the app: on a new page (`here.key`), the last page's message goes and kept
 * typing may come back; heading for the sign-in page because a save found the session ended (the redirect names the
 * page to return to), what was typed on this page is kept. Signing out on purpose forgets it.
 */
export function follow(
  userId: string | null,
  here: { pathname: string; key: string },
  heading: { pathname: string; search: string } | undefined,
  show: (message: Message | null) => void,
) {
  if (heading?.pathname === "/logout") forget();
  else if (userId && heading?.pathname === "/login" && new URLSearchParams(heading.search).has("redirectTo")) keep(userId, here.pathname);
  if (here.key === shownAt) return;
  shownAt = here.key;
  show(null);
  bringBack(userId, here.pathname, show, () => shownAt === here.key);
}
