// A form's list buttons (add a row, remove a row): a form with such buttons passes `listRows` to useForm as `lists`, and
// only then does useForm offer `insert` and `remove` (TypeScript refuses them otherwise). Only those forms import this
// module, so only their pages load it (ADR 058). In the browser the rows change at once; without JavaScript the buttons
// are plain submit buttons whose intent conform applies on the server.
import { INTENT, serialize, valueAt, type Intent, type Json, type State } from "./form-state";

/** `value` with the list at `name` changed by `change` (copies along the path; the rest is shared). */
function withList(value: Json, name: string, change: (list: unknown[]) => unknown[]): Json {
  const segments = name.match(/[^.[\]]+/g) ?? [];
  const set = (current: unknown, i: number): unknown => {
    if (i === segments.length) return change(Array.isArray(current) ? current : []);
    const copy: Json | unknown[] = Array.isArray(current) ? [...current] : { ...(current as Json) };
    (copy as Json)[segments[i]] = set((current as Json | undefined)?.[segments[i]], i + 1);
    return copy;
  };
  return set(value, 0) as Json;
}

/** Applies a list button's intent to the values and the rows' keys. */
export function applyIntent(state: Pick<State, "initialValue" | "keys" | "error" | "validated">, intent: Intent, newKey: () => string) {
  const { name } = intent.payload;
  const list = valueAt(state.initialValue, name);
  const keys = [...(state.keys[name] ?? (Array.isArray(list) ? list.map((_, i) => String(i)) : []))];
  let initialValue: Json;
  if (intent.type === "insert") {
    const at = intent.payload.index ?? keys.length;
    keys.splice(at, 0, newKey());
    initialValue = withList(state.initialValue, name, (l) => [...l.slice(0, at), intent.payload.defaultValue, ...l.slice(at)]);
  } else {
    keys.splice(intent.payload.index, 1);
    initialValue = withList(state.initialValue, name, (l) => l.filter((_, i) => i !== intent.payload.index));
  }
  // Messages of the list's rows no longer belong to the rows at their indexes.
  const error = Object.fromEntries(Object.entries(state.error).filter(([n]) => !n.startsWith(`${name}[`)));
  return { initialValue, keys: { ...state.keys, [name]: keys }, error, validated: { ...state.validated, [name]: true } };
}

export function readIntent(value: string): Intent | null {
  try {
    const intent = JSON.parse(value) as Intent;
    return (intent.type === "insert" || intent.type === "remove") && typeof intent.payload?.name === "string" ? intent : null;
  } catch {
    return null;
  }
}

let keyCount = 0;
const newKey = () => `row-${++keyCount}`;

type ButtonProps = { name: string; value: string; form: string; formNoValidate: true };

/** A form's list buttons: each sends its intent, which `apply` (or, without JavaScript, conform on the server) applies. */
export type ListButtons = {
  insert: { getButtonProps(payload: { name: string; index?: number; defaultValue?: unknown }): ButtonProps };
  remove: { getButtonProps(payload: { name: string; index: number }): ButtonProps };
};

export type ListRows = {
  /** The intent of a list button's value, or null if it is none. */
  read(value: string): Intent | null;
  /** The form's values, rows' keys and messages after that intent. */
  apply(state: State, intent: Intent): Pick<State, "initialValue" | "keys" | "error" | "validated">;
  /** The buttons of the form with this id. */
  buttons(formId: string): ListButtons;
};

const buttonProps = (formId: string, type: Intent["type"]) => ({
  getButtonProps: (payload: Json): ButtonProps => ({
    name: INTENT,
    value: JSON.stringify({ type, payload: type === "insert" ? { ...payload, defaultValue: serialize(payload.defaultValue) } : payload }),
    form: formId,
    formNoValidate: true,
  }),
});

export const listRows: ListRows = {
  read: readIntent,
  apply: (state, intent) => applyIntent(state, intent, newKey),
  buttons: (formId) => ({ insert: buttonProps(formId, "insert"), remove: buttonProps(formId, "remove") }),
};
