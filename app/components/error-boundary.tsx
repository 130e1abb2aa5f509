import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const titles: Record<number, string> = {
  400: "That request did not look right",
  403: "You do not have access to this",
  404: "Not found",
  405: "That is not something this page does",
};

/** Every route's ErrorBoundary: says what went wrong in words, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "An unexpected error happened on our side. Try again in a moment.";
  if (isRouteErrorResponse(error)) {
    title = titles[error.status] ?? `Error ${error.status}`;
    message = typeof error.data === "string" && error.data ? error.data : error.statusText;
  } else if (typeof window !== "undefined") {
    console.error(error);
  }
  return (
    <div className="card mx-auto max-w-xl" role="alert">
      <h1 className="h1">{title}</h1>
      <p className="mt-3 text-slate-700">{message}</p>
      <p className="mt-6">
        <Link to="/" className="btn-secondary">
          Back to events
        </Link>
      </p>
    </div>
  );
}
