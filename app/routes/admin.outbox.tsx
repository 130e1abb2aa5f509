import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageLinks } from "~/components/page-links";
import { enforce } from "~/lib/http.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canReadOutbox } from "~/modules/auth/permissions";
import { listOutbox } from "~/modules/mail/outbox.server";
import { env } from "~/env.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Outbox");

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  enforce(canReadOutbox(await requireUser(request)));
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return { ...(await listOutbox(page)), delivering: Boolean(env().smtpUrl) };
}

const stateWords = {
  pending: { label: "Waiting", className: "bg-amber-100 text-amber-900" },
  sending: { label: "Sending", className: "bg-sky-100 text-sky-900" },
  sent: { label: "Sent", className: "bg-emerald-100 text-emerald-900" },
  failed: { label: "Failed", className: "bg-red-100 text-red-900" },
} as const;

const formatTime = (value: string | Date) => new Date(value).toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default function AdminOutbox() {
  const { rows, total, page, pages, first, delivering } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="h1">Outbox</h1>
      <p className="text-slate-700">
        Every mail the app sends, newest first.{" "}
        {delivering
          ? "Waiting messages go out within seconds; failed tries are retried with growing pauses, up to 8 times."
          : "No SMTP server is configured (SMTP_URL), so messages stay here unsent: this page shows what would have been sent."}
      </p>
      {rows.length === 0 ? (
        <p className="card text-slate-700">No mail yet.</p>
      ) : (
        <ol className="space-y-3" aria-label={`Messages ${first} to ${first + rows.length - 1} of ${total}`}>
          {rows.map((m) => {
            const state = stateWords[m.status];
            return (
              <li key={m.id} className="card space-y-2">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-base font-semibold break-words">{m.subject}</h2>
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold ${state.className}`}>{state.label}</span>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">To</dt>
                  <dd className="break-all">{m.to}</dd>
                  <dt className="text-slate-600">Queued</dt>
                  <dd>{formatTime(m.createdAt)}</dd>
                  <dt className="text-slate-600">Tries</dt>
                  <dd>
                    {m.attempts}
                    {m.status === "sent" && m.sentAt ? ` · sent ${formatTime(m.sentAt)}` : ""}
                    {m.status === "pending" && m.attempts > 0 ? ` · next try ${formatTime(m.nextAttemptAt)}` : ""}
                  </dd>
                  {m.lastError ? (
                    <>
                      <dt className="text-slate-600">Last error</dt>
                      <dd className="break-words text-red-800">{m.lastError}</dd>
                    </>
                  ) : null}
                </dl>
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Text of the message</summary>
                  <pre className="mt-2 text-sm break-words whitespace-pre-wrap text-slate-800">{m.text}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      )}
      <PageLinks page={page} pages={pages} label="Outbox pages" noun="messages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
