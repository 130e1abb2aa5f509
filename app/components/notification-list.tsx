import { Form } from "@remix-run/react";

export type NotificationLine = { id: string; title: string; body: string; unread: boolean; at: string; ago: string; exact: string };

/** A person's notices, newest first: each opens its page through a POST that marks it read (works without JavaScript). */
export function NotificationList({ rows, page, pages }: { rows: NotificationLine[]; page: number; pages: number }) {
  return (
    <ol className="space-y-3" aria-label={pages > 1 ? `Your notifications, page ${page} of ${pages}` : "Your notifications"}>
      {rows.map((n) => (
        <li key={n.id} className={`card space-y-1 ${n.unread ? "border-l-4 border-l-brand-600 bg-brand-50" : ""}`}>
          <Form method="post" className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <input type="hidden" name="intent" value="open" />
            <input type="hidden" name="id" value={n.id} />
            {n.unread ? <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white">Unread</span> : null}
            <button
              type="submit"
              className={`text-left break-words text-brand-900 underline underline-offset-2 hover:text-brand-700 ${n.unread ? "font-bold" : "font-medium"}`}
            >
              {n.title}
            </button>
          </Form>
          <p className="break-words text-slate-700">{n.body}</p>
          <p className="text-sm text-slate-600">
            <time dateTime={n.at}>{n.ago}</time> · {n.exact}
          </p>
        </li>
      ))}
    </ol>
  );
}
