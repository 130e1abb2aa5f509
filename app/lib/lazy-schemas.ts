// The one way a form checks its input in the browser. zod and its conform adapter were a fifth of a form page's
// first-load JavaScript (ADR 043), and no form needs them before someone types, so a form's schemas arrive in a
// chunk of their own: its download starts when the module that declares the form runs in the browser, in parallel
// with hydration. Until it has arrived, a check passes and the server checks, as it always does (forms work without
// JavaScript, with the same schemas and messages); from then on every check runs in the browser.
import type { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input } from "zod/v4/core";
import type { Validation } from "./form-state";

type Parse = typeof parseWithZod;
/** A form's `onValidate`: the messages per field, none until the schemas are in. */
export type Check<M> = {
  <S extends $ZodType>(formData: FormData, schemaOf: (schemas: M) => S): Validation<input<S>>;
  /**
   * Settles when the schemas are in (or failed to arrive: the next check asks again, though a browser may refuse a
   * module that failed once until the page reloads; the server checks meanwhile).
   */
  ready(): Promise<void>;
};

/**
 * Deferred until the first check when there is no browser (tests, and server rendering, which never checks).
 * Annotated as free of side effects so that a bundle leaves out a module whose only top-level code is its form's
 * `check`, when nothing of it is used there: a form loaded on demand (ADR 043) stays out of its page's chunk.
 */
/* @__NO_SIDE_EFFECTS__ */
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
  const check = (<S extends $ZodType>(formData: FormData, schemaOf: (schemas: M) => S) => {
    if (loaded) {
      const submission = loaded.parse(formData, { schema: schemaOf(loaded.schemas) });
      return { status: submission.status, error: "error" in submission ? submission.error : undefined };
    }
    void start();
    return { status: "success" };
  }) as Check<M>;
  check.ready = () => start();
  return check;
}
