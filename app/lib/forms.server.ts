// The one way actions parse a form: conform's parseWithZod, whose reply() echoes only what the
// schema knows. conform's own reply sends back every submitted field, so a stranger's padding or an
// oversized value would come back inside the page (issue 12).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

/** Characters echoed for a field that is not a string with its own maximum (numbers, choices, boxes). */
const OTHER_FIELD_ECHO = 100;
const MAX_ECHOED_ITEMS = 100;
/** Characters past a string field's maximum that are still echoed back with its error. */
const OVER_MAX_ECHO = 500;
/**
 * A text of sentences (a note, a comment, a post-mortem: a maximum of this many characters or more) comes back up to ten
 * times its maximum, at most LONG_TEXT_ECHO characters: a long paste is typing worth keeping. Pasting a CV into a
 * 500-character "skills" box without JavaScript gave back an empty box beside "Use at most 500 characters".
 */
const LONG_TEXT = 500;
const LONG_TEXT_ECHO_TIMES = 10;
const LONG_TEXT_ECHO = 20_000;
/** conform's own bookkeeping (the intent of a list button, validation state) is echoed only when small. */
const MAX_ECHOED_STATE = 2_000;

type Schema = z.ZodType;

/** A refusal said beside a form that keeps what was typed (ADR 060): why, and that nothing typed is lost. */
export function refusedKeepingForm(reason: string, kept: "Your text is" | "Your scores and comments are" | "Your changes are" | "Your answer is"): string {
  return `${reason} ${kept} still in the form: copy what you need.`;
}

/** parseWithZod for actions: same submission, but reply() carries only known fields, none far over its maximum length. */
export function parseForm<S extends Schema>(payload: FormData | URLSearchParams, options: { schema: S }) {
  const submission = parseWithZod(payload, options);
  const reply = submission.reply;
  submission.reply = (replyOptions) => onlyKnownFields(reply(replyOptions), options.schema);
  return submission;
}

function onlyKnownFields<E>(result: SubmissionResult<E>, schema: Schema): SubmissionResult<E> {
  const keys = topLevelKeys(schema);
  const known = (name: string) => name.length <= 200 && keys.has(name.split(/[.[]/)[0]);
  return {
    ...result,
    initialValue: result.initialValue == null ? result.initialValue : ((clean(result.initialValue, schema) ?? {}) as SubmissionResult<E>["initialValue"]),
    fields: result.fields?.filter(known).slice(0, MAX_ECHOED_ITEMS),
    intent: small(result.intent),
    state: small(result.state),
  };
}

function small<T>(value: T): T | undefined {
  return value === undefined || JSON.stringify(value).length <= MAX_ECHOED_STATE ? value : undefined;
}

/** Strips wrappers that do not change which fields a value has: optional, default, a pipe's input… */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodPipe) current = current.in as Schema;
    else if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodReadonly ||
      current instanceof z.ZodNonOptional
    )
      current = current.unwrap() as Schema;
    else return current;
  }
}

function topLevelKeys(schema: Schema): Set<string> {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return new Set(Object.keys(s.shape));
  return new Set();
}

/**
 * The submitted value, keeping only what `schema` describes (objects, lists, fields) and dropping
 * values far over their maximum length. A schema shape not handled here echoes nothing.
 */
function clean(value: unknown, schema: Schema): unknown {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(s.shape as Record<string, Schema>)) {
      const cleaned = Object.hasOwn(value, key) ? clean((value as Record<string, unknown>)[key], field) : undefined;
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  if (s instanceof z.ZodArray) {
    // conform sends a one-item list as a single value.
    if (!Array.isArray(value)) return clean(value, s.element as Schema);
    return value.slice(0, MAX_ECHOED_ITEMS).map((item) => clean(item, s.element as Schema) ?? "");
  }
  if (typeof value !== "string") return undefined;
  // A text a little over its maximum comes back, for the person to shorten rather than type again; a much longer one
  // (a script's, or a paste gone wrong) does not, so a reply stays small.
  const max = s instanceof z.ZodString && s.maxLength !== null ? echoedLength(s.maxLength) : OTHER_FIELD_ECHO;
  return value.length <= max ? value : undefined;
}

/** The longest text of a field with this maximum that is echoed back with its error. */
function echoedLength(maxLength: number) {
  const near = maxLength + OVER_MAX_ECHO;
  return maxLength >= LONG_TEXT ? Math.max(near, Math.min(maxLength * LONG_TEXT_ECHO_TIMES, LONG_TEXT_ECHO)) : near;
}
