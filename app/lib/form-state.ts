// What a form shows, as plain data: the values its fields start from, which fields were checked, their messages, the
// keys of a list's rows. form.ts keeps it in React state; the rules are here, where tests reach them without a browser.
import type { SubmissionResult } from "@conform-to/react";

/** The field conform reads a list button's intent from, on the server as here. */
export const INTENT = "__intent__";

export type Errors = Record<string, string[]>;
export type Json = Record<string, unknown>;
export type When = "onSubmit" | "onBlur" | "onInput";

/**
 * What a form's check answers: the messages per field name ("" for the whole form). `shape` is never set: it carries
 * the type of the form's fields from the schema to `fields`.
 */
export type Validation<Shape = Json> = { status?: "success" | "error"; error?: Record<string, string[] | null> | null; shape?: Shape };

export type Intent =
  { type: "insert"; payload: { name: string; index?: number; defaultValue?: unknown } } | { type: "remove"; payload: { name: string; index: number } };

export type State = {
  result: SubmissionResult<string[]> | null | undefined;
  initialValue: Json;
  error: Errors;
  validated: Record<string, boolean>;
  keys: Record<string, string[]>;
  /** Moves when the first field with a message should get focus (after a refused submission). */
  focus: number;
  /** Moves when the form's fields should go back to where they started. */
  reset: number;
};

/** conform's serialization of a default value: every leaf becomes the string a field would hold. */
export function serialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(serialize);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialize(v)]));
  if (typeof value === "boolean") return value ? "on" : undefined;
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  return value ?? undefined;
}

/** A field's name below `prefix`, as conform writes it: `list[0].name`, `answers.q1`. */
export function childName(prefix: string, key: string | number): string {
  return typeof key === "number" ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
}

/** The value at a field's name. */
export function valueAt(value: unknown, name: string): unknown {
  let current = value;
  for (const segment of name.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Json)[segment];
  }
  return current;
}

/** The messages that are shown: those of fields already checked. Empty lists are no messages. */
export function shownErrors(all: Record<string, string[] | null> | null | undefined, validated: Record<string, boolean>): Errors {
  const shown: Errors = {};
  for (const [name, messages] of Object.entries(all ?? {})) if (messages?.length && validated[name]) shown[name] = messages;
  return shown;
}

/**
 * The fields an answer marks as checked: for a list button's answer (no JavaScript) only the list, as conform does,
 * so a row just added does not show messages nobody asked for; otherwise every field sent and every field named.
 */
function checkedBy(result: SubmissionResult<string[]>): string[] {
  const intent = result.intent;
  if ((intent?.type === "insert" || intent?.type === "remove") && typeof intent.payload?.name === "string") return [intent.payload.name];
  return [...Object.keys(result.error ?? {}), ...(result.fields ?? [])];
}

/** The state a form starts from, or goes back to on reset. */
export function startState(defaultValue: Json | undefined, result: SubmissionResult<string[]> | null | undefined): State {
  const error = result?.error ?? {};
  const validated: Record<string, boolean> = { ...result?.state?.validated };
  for (const name of result ? checkedBy(result) : []) validated[name] = true;
  return {
    result,
    initialValue: (result?.initialValue ?? serialize(defaultValue ?? {})) as Json,
    error: shownErrors(error, validated),
    validated,
    keys: {},
    // A form mounted with a refusal (built afresh for the page read again after it) takes the focus as after one.
    focus: result?.status === "error" ? 1 : 0,
    reset: 0,
  };
}

/** The state after the server's answer to a submission. */
export function afterResult(state: State, defaultValue: Json | undefined, result: SubmissionResult<string[]>): State {
  if (result.initialValue === null) return { ...startState(defaultValue, undefined), result, focus: state.focus, reset: state.reset + 1 };
  const validated = { ...state.validated, ...result.state?.validated };
  for (const name of checkedBy(result)) validated[name] = true;
  const error: Record<string, string[] | null> = {};
  // conform's null means "as before"; a field the answer does not name has no message.
  for (const [name, messages] of Object.entries(result.error ?? {})) error[name] = messages ?? state.error[name] ?? null;
  const listChanged = result.intent?.type === "insert" || result.intent?.type === "remove";
  return {
    ...state,
    result,
    initialValue: listChanged && result.initialValue ? (result.initialValue as Json) : state.initialValue,
    keys: listChanged ? {} : state.keys,
    validated,
    error: shownErrors(error, validated),
    focus: result.status === "error" ? state.focus + 1 : state.focus,
  };
}
