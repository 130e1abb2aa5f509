import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { env } from "~/env.server";
import { coalescingStream } from "~/lib/coalesce-stream.server";
import { errorToLog } from "~/lib/http.server";
import { signInsBusyMessage } from "~/modules/auth/attempts.server";
import { passwordWorkFull } from "~/modules/auth/password.server";
import { hasSessionCookie } from "~/modules/auth/session.server";
import { startMailSender } from "~/modules/mail/sender.server";
import { startScheduler } from "~/modules/schedule/scheduler.server";
import { registerAllTasks } from "~/modules/schedule/tasks.server";

// Checked at boot: a bad environment fails here, not on the first request that needs it.
env();

const ABORT_DELAY = 5_000;

/**
 * Logs what went wrong on the server, and a form posting to a route without an action; not what else a browser or a
 * scanner asked for wrongly (`errorToLog`).
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  const logged = errorToLog(error, request);
  if (logged) console.error(logged);
}

/** Called by server.mjs once it listens: work that runs beside requests (the mail sender, ADR 015; the scheduler, ADR 024). Returns its stop function. */
export function startBackgroundWork(): () => void {
  registerAllTasks();
  const stops = [startMailSender(), startScheduler()];
  return () => stops.forEach((stop) => stop());
}

/**
 * Called by server.mjs for a sign-in form post before anything else is done with it (ADR 039): while too many sign-ins
 * already wait for a password check, the answer is this short page, costing next to nothing; otherwise null.
 */
export function signInsSaturatedPage(): string | null {
  if (!passwordWorkFull()) return null;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Try again in a few seconds · Problem First</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #0f172a">
<main><h1>Sign-in is busy</h1><p>${signInsBusyMessage}</p><p><a href="/login">Back to sign in</a></p></main></body></html>`;
}

/** Pages and data for a signed-in person show their own data: no shared or browser cache keeps them. */
function keepPrivate(request: Request, headers: Headers) {
  if (hasSessionCookie(request)) headers.set("Cache-Control", "private, no-store");
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  keepPrivate(request, response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  // Bots and SPA mode get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let settled = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          settled = true;
          // React writes 2 kB pieces; larger ones cost compression and the socket far less (ADR 048).
          const body = coalescingStream();
          responseHeaders.set("Content-Type", "text/html");
          keepPrivate(request, responseHeaders);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready are reported by Remix itself.
          if (settled) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
