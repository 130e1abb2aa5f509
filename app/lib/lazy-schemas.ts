// The one way a form checks its input in the browser. zod and its conform adapter were a fifth of a form page's
// first-load JavaScript (ADR 043), and no form needs them before someone types, so a form's schemas arrive in a
// chunk of their own: its download starts when the module that declares the form runs in the browser, in parallel
// with hydration. Until it has arrived, a check passes and the server checks, as it always does (forms work without
// JavaScript, with the same schemas and messages); from then on every check runs in the browser.
import { parse, type Intent, type Submission } from "@conform-to/react";
import type { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input, output } from "zod/v4/core";

type Parse = typeof parseWithZod;
type Schema<S> = S | ((intent: Intent | null) => S);
/**
 * A form's `onValidate`. Before the schemas arrive, a submission that passes carries the raw fields as its `value`,
 * not the schema's output: nothing in the browser reads `value` (actions parse the form again on the server).
 */
export type Check<M> = {
  <S extends $ZodType>(formData: FormData, schemaOf: (schemas: M) => Schema<S>): Submission<input<S>, string[], output<S>>;
  /**
   * Settles when the schemas are in (or failed to arrive: the next check asks again, though a browser may refuse a
   * module that failed once until the page reloads; the server checks meanwhile).
   */
  ready(): Promise<void>;
};

/** Deferred until the first check when there is no browser (tests, and server rendering, which never checks). */
export function lazySchemas<M>(load: () => Promise<M>): Check<M> {
  let loaded: { parse: Parse; schemas: M } | null = null;
  let loading: Promise<void> | null = null;
  const start = () =>
    (loading ??= Promise.all([import("@conform-to/zod/v4"), load()]).then(
      ([adapter, schemas]) => {
        loaded = { parse: adapter.parseWithZod, schemas };
      },
      () => {
        loading = null; // offline or a new deploy: the server checks, and the next check asks again
      },
    ));
  if (typeof document !== "undefined") void start();
  const check = (<S extends $ZodType>(formData: FormData, schemaOf: (schemas: M) => Schema<S>) => {
    if (loaded) return loaded.parse(formData, { schema: schemaOf(loaded.schemas) });
    void start();
    return parse(formData, { resolve: (payload) => ({ value: payload }) });
  }) as Check<M>;
  check.ready = () => start();
  return check;
}
