// The one way a form keeps its state in the browser: which fields were checked, the messages next to them, the rows
// of a list. Actions parse with conform on the server (forms.server.ts) and answer with its SubmissionResult; this
// module reads that answer and offers the part of conform's React API the app uses (useForm, getFormProps,
// getInputProps…), with conform's ids and attributes. conform's own browser runtime was 8.7 kB of every form page's
// first-load JavaScript (ADR 055). Without JavaScript nothing here runs: the list buttons are plain submit buttons
// whose intent conform applies on the server, and the server's checks and messages are the same.
import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { ListButtons, ListRows } from "./form-lists";
import { afterResult, childName, INTENT, shownErrors, startState, valueAt, type Errors, type Json, type Validation, type When } from "./form-state";

export type { SubmissionResult };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Item<V> = NonNullable<V> extends readonly (infer I)[] ? I : unknown;
type Shape<V> = NonNullable<V> extends Json ? NonNullable<V> : Json;
export type Fieldset<S> = { [K in keyof S]-?: FieldMetadata<S[K]> };

export type FieldMetadata<V = Any> = {
  formId: string;
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  /** The messages shown for this field, if it has any. */
  errors: string[] | undefined;
  /** The value the field starts from (strings, or lists and objects of them). */
  initialValue: Any;
  /** A list row's key: stays with the row when rows before it are added or removed. */
  key: string | undefined;
  getFieldList(): FieldMetadata<Item<V>>[];
  getFieldset(): Fieldset<Shape<V>>;
};

export type FormMetadata = {
  id: string;
  errorId: string;
  descriptionId: string;
  /** Messages about the whole form. */
  errors: string[] | undefined;
  /** Every message shown, by field name. */
  allErrors: Errors;
  noValidate: true;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
};

type Options<S> = {
  id?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Json;
  /** Checks the whole form; `formData` includes the button that submitted it. */
  onValidate?: (context: { form: HTMLFormElement; formData: FormData; submitter: HTMLElement | null }) => Validation<S>;
  /** When a field is first checked (default: on submit). */
  shouldValidate?: When;
  /** When a field already checked is checked again (default: as shouldValidate). */
  shouldRevalidate?: When;
  /** For a form with list buttons: `listRows` (form-lists.ts). Only then does the form offer `insert` and `remove`. */
  lists?: ListRows;
};

function fieldElement(element: EventTarget | null): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) | null {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element : null;
}

export function useForm<S = Json>(options: Options<S> & { lists: ListRows }): [FormMetadata & ListButtons, Fieldset<Shape<S>>];
export function useForm<S = Json>(options: Options<S>): [FormMetadata, Fieldset<Shape<S>>];
export function useForm<S = Json>(options: Options<S>): [FormMetadata & Partial<ListButtons>, Fieldset<Shape<S>>] {
  const generatedId = useId();
  const formId = options.id ?? generatedId;
  const [state, setState] = useState(() => startState(options.defaultValue, options.lastResult));
  // A new answer from the server is taken in while rendering (React's pattern for state that follows a prop).
  if (options.lastResult && options.lastResult !== state.result) setState(afterResult(state, options.defaultValue, options.lastResult));
  const latest = useRef({ state, options });
  latest.current = { state, options };

  /**
   * Checks the whole form and shows the messages of the fields checked so far and of `name`; with `name` null (a
   * submission), of every field: those sent and those with a message (an unticked radio group sends nothing).
   */
  const check = (form: HTMLFormElement, submitter: HTMLElement | null, name: string | null): Errors | null => {
    const validate = latest.current.options.onValidate;
    if (!validate) return null;
    const formData = new FormData(form, submitter);
    // Browsers before 2023 ignore the submitter argument; the entry form's rules depend on which button was pressed.
    if (submitter instanceof HTMLButtonElement && submitter.name && !formData.has(submitter.name)) formData.append(submitter.name, submitter.value);
    const result = validate({ form, formData, submitter });
    const more: Record<string, boolean> = {};
    for (const field of name === null ? ["", ...formData.keys(), ...Object.keys(result.error ?? {})] : [name]) more[field] = true;
    const validated = { ...latest.current.state.validated, ...more };
    const error = shownErrors(result.error, validated);
    setState((s) => ({ ...s, validated: { ...s.validated, ...more }, error }));
    return error;
  };

  useEffect(() => {
    const target = (event: Event) => {
      const element = fieldElement(event.target);
      return element?.name && element.name !== INTENT && element.form?.id === formId && !event.defaultPrevented ? element : null;
    };
    const on = (when: When) => (event: Event) => {
      const element = target(event);
      if (!element?.form) return;
      const { shouldValidate = "onSubmit", shouldRevalidate = shouldValidate } = latest.current.options;
      const checked = latest.current.state.validated[element.name];
      if ((checked ? shouldRevalidate : shouldValidate) === when) check(element.form, null, element.name);
    };
    const onInput = on("onInput");
    const onBlur = on("onBlur");
    document.addEventListener("input", onInput);
    document.addEventListener("focusout", onBlur);
    return () => {
      document.removeEventListener("input", onInput);
      document.removeEventListener("focusout", onBlur);
    };
  }, [formId]);

  useEffect(() => {
    if (!state.focus) return;
    for (const element of document.forms.namedItem(formId)?.elements ?? []) {
      const field = fieldElement(element);
      if (field?.name && latest.current.state.error[field.name]) {
        field.focus();
        return;
      }
    }
    // Only a message about the whole form, shown above it (out of sight below a long form): it takes the focus.
    if (latest.current.state.error[""]) document.getElementById(`${formId}-error`)?.focus();
  }, [state.focus, formId]);

  useEffect(() => {
    if (state.reset) document.forms.namedItem(formId)?.reset();
  }, [state.reset, formId]);

  const field = (name: string): FieldMetadata => {
    const id = name ? `${formId}-${name}` : formId;
    const initialValue = name ? valueAt(state.initialValue, name) : state.initialValue;
    const keyIndex = /^(.*)\[(\d+)\]$/.exec(name);
    return {
      formId,
      id,
      name,
      errorId: `${id}-error`,
      descriptionId: `${id}-description`,
      errors: state.error[name],
      initialValue,
      key: keyIndex ? (state.keys[keyIndex[1]]?.[Number(keyIndex[2])] ?? keyIndex[2]) : undefined,
      getFieldList: () => (Array.isArray(initialValue) ? initialValue.map((_, i) => field(childName(name, i))) : []),
      getFieldset: () => fieldset(name) as ReturnType<FieldMetadata["getFieldset"]>,
    };
  };
  const fieldset = (prefix: string) => new Proxy({}, { get: (_, key) => (typeof key === "string" ? field(childName(prefix, key)) : undefined) });

  const form: FormMetadata & Partial<ListButtons> = {
    id: formId,
    errorId: `${formId}-error`,
    descriptionId: `${formId}-description`,
    errors: state.error[""],
    allErrors: state.error,
    noValidate: true,
    onSubmit(event) {
      const element = event.currentTarget;
      const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
      const lists = latest.current.options.lists;
      const intent = lists && submitter instanceof HTMLButtonElement && submitter.name === INTENT ? lists.read(submitter.value) : null;
      if (lists && intent) {
        event.preventDefault();
        setState((s) => ({ ...s, ...lists.apply(s, intent) }));
        return;
      }
      const error = check(element, submitter, null);
      if (error && Object.keys(error).length) {
        event.preventDefault();
        setState((s) => ({ ...s, focus: s.focus + 1 }));
      }
    },
    ...options.lists?.buttons(formId),
  };
  return [form, fieldset("") as Fieldset<Shape<S>>];
}

type AriaOptions = { ariaDescribedBy?: string };

function controlProps(meta: FieldMetadata, options: AriaOptions) {
  const invalid = meta.errors !== undefined;
  return {
    id: meta.id,
    name: meta.name,
    form: meta.formId,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy(invalid ? meta.errorId : undefined, options.ariaDescribedBy),
  };
}

/** The ids a control is described by, each once (a field may name its error itself): a screen reader reads each. */
function describedBy(...lists: (string | undefined)[]): string | undefined {
  const ids = [...new Set(lists.flatMap((list) => list?.split(" ") ?? []).filter(Boolean))];
  return ids.length ? ids.join(" ") : undefined;
}

/** The form element's props: its id, the browser's own checks off (ours name the field), and the submit check. */
export function getFormProps(form: FormMetadata) {
  return { id: form.id, onSubmit: form.onSubmit, noValidate: form.noValidate, "aria-describedby": form.errors ? form.errorId : undefined };
}

/** A checkbox sends conform's "on" when ticked; every other input starts from the field's value. */
export function getInputProps(meta: FieldMetadata, options: AriaOptions & { type: string }) {
  const control = { ...controlProps(meta, options), type: options.type };
  if (options.type === "checkbox") return { ...control, value: "on", defaultChecked: meta.initialValue === "on" };
  return { ...control, defaultValue: typeof meta.initialValue === "string" ? meta.initialValue : undefined };
}

export function getTextareaProps(meta: FieldMetadata, options: AriaOptions = {}) {
  return { ...controlProps(meta, options), defaultValue: meta.initialValue?.toString() as string | undefined };
}

export function getSelectProps(meta: FieldMetadata, options: AriaOptions = {}) {
  return { ...controlProps(meta, options), defaultValue: meta.initialValue?.toString() as string | undefined };
}
