import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NotificationList } from "~/components/notification-list";
import { PageLinks } from "~/components/page-links";
import { parseForm } from "~/lib/forms.server";
import { readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/guards.server";
import { noticeLine, safeNoticePath, unreadWords } from "~/modules/notifications/list";
import { listNotifications, markAllRead, markRead, unreadCount } from "~/modules/notifications/notify.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Notifications");

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
const openSchema = z.object({ id: z.string({ error: "Choose a notification." }).min(1).max(100) });
// The newest notice when the page was read (listNotifications' `seen`): "Mark all as read" marks up to it. A form
// without it, or with anything but a whole number, marks all.
const seenSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .catch(Number.MAX_SAFE_INTEGER);

// Every query below carries the signed-in person's id: nobody reads or marks another person's notices.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const [list, unread] = await Promise.all([listNotifications(user.id, page), unreadCount(user.id)]);
  const now = new Date();
  return { ...list, rows: list.rows.map((row) => noticeLine(row, now)), unread };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = readIntent(formData);
  switch (intent) {
    case "open": {
      const submission = parseForm(formData, { schema: openSchema });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      const path = await markRead(user.id, submission.value.id);
      // Not this person's, or gone since the list was read (a deleted draft event takes its notices with it): said above
      // the list, which is read again (shouldRevalidate below), rather than as an error page.
      if (path === null) return data({ gone: "That notification is no longer in your list: what it was about may have been deleted." }, { status: 404 });
      return redirect(safeNoticePath(path));
    }
    case "mark-all-read": {
      const { newer } = await markAllRead(user.id, seenSchema.parse(formData.get("seen")));
      return redirectWithToast(
        "/notifications",
        newer === 0
          ? "All notifications marked as read."
          : `All notifications you had seen are marked as read. ${newer === 1 ? "One" : newer} that arrived since ${newer === 1 ? "stays" : "stay"} unread.`,
      );
    }
    default:
      return unknownIntent(intent);
  }
}

// Other refusals read nothing again, as Remix does for a route without this function (with single fetch, Remix passes
// `defaultShouldRevalidate: true` after them too).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, actionResult, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? typeof actionResult?.gone === "string" : defaultShouldRevalidate;

export default function Notifications() {
  const { rows, total, page, pages, unread, seen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">Notifications</h1>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="mark-all-read" />
            <input type="hidden" name="seen" value={seen} />
            <button type="submit" className="btn-secondary">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </div>
      {actionData && "gone" in actionData ? (
        <p role="alert" className="field-error">
          {actionData.gone}
        </p>
      ) : null}
      <p className="text-slate-700">
        {unread > 0 ? `${unreadWords(unread)} of ${total}. ` : total > 0 ? "All read. " : ""}
        Which of these also come by email is up to you: <Link to="/account#email-notifications">email notifications on your account page</Link>.
      </p>
      {rows.length === 0 ? (
        <div className="card space-y-2 text-slate-700">
          <p className="font-semibold">No notifications yet.</p>
          <p>
            Things that concern you appear here: being made a judge or co-organizer, someone joining your team, a deadline coming up, your team&apos;s entry
            submitted (or left a draft when judging started), results and awards published, and announcements from organizers.
          </p>
        </div>
      ) : (
        <NotificationList rows={rows} page={page} pages={pages} />
      )}
      <PageLinks page={page} pages={pages} label="Notification pages" noun="notifications" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
