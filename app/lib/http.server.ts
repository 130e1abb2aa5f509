import { data } from "@remix-run/node";
import type { Decision } from "~/modules/auth/permissions";

/** Throws an error response that the route's ErrorBoundary shows. */
export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw data(message, { status });
}

/** Turns a policy decision into a thrown 403/404 that names the reason. */
export function enforce(decision: Decision): void {
  if (!decision.ok) throw data(decision.reason, { status: decision.status });
}

/** The form field every route with several actions dispatches on, with `switch (intent)`. */
export function readIntent(formData: FormData): string {
  const intent = formData.get("intent");
  return typeof intent === "string" ? intent : "";
}

/** The `default` of every `switch (intent)`: a form the route does not know is refused with a 400, never guessed at. */
export function unknownIntent(intent: string): never {
  const shown = intent.slice(0, 40) || "(none)";
  throw data(`Unknown action “${shown}”. Reload the page and try again.`, { status: 400 });
}
