import { data } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
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

/**
 * What the server logs of an error a loader, an action or the router raised (entry.server's `handleError`): the error
 * itself, a line, or null for what is not the server's fault. A request the browser gave up on is not logged (as
 * Remix's default does not), nor an address no route matches (a browser's own `/favicon.ico` when it shows a text
 * file, say), which Remix's default logs with a stack trace, nor another method a route does not answer (a scanner's
 * OPTIONS or PUT). A POST to a route without an action is one line: a form that posts to the wrong route is a bug worth
 * seeing, the router's stack trace is not. Errors a route throws on purpose are responses and never reach here.
 */
export function errorToLog(error: unknown, request: Pick<Request, "method" | "url" | "signal">): unknown {
  if (request.signal.aborted) return null;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404 || (error.status === 405 && request.method !== "POST")) return null;
    // With JavaScript a form posts to its route's `.data` address (the home page's is `/_root.data`).
    const path = new URL(request.url).pathname.replace(/^\/_root\.data$/, "/").replace(/\.data$/, "");
    if (error.status === 405) return `405: POST ${path} goes to a route without an action`;
    // Remix's internal responses carry the router's own error, with its stack.
    return (error as { error?: unknown }).error ?? error;
  }
  return error;
}
