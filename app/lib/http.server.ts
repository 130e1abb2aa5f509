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
