import type { SubmissionResult } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { AnnouncementForm } from "~/components/announcements/announcement-form";
import { AnnouncementLists as AnnouncementListsOnServer } from "~/components/announcements/announcement-lists";
import { useSucceededSubmissions } from "~/components/use-succeeded-submissions";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { backLink } from "~/lib/back-links";
import { readConfirmation } from "~/lib/confirm";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import {
  audienceSizes,
  cancelAnnouncement,
  createAnnouncement,
  findScheduled,
  listForOrganizers,
  noLongerScheduled,
  updateAnnouncement,
} from "~/modules/announcements/announcements.server";
import { announcementSchema, previewSchema } from "~/modules/announcements/schemas";
import { canManageAnnouncements } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { pageTitle } from "~/lib/page-title";

// The lists of scheduled and sent announcements are rendered in place by the server; in the browser their code
// (dates, audiences, the cancel step) arrives after the form's, and React keeps their HTML until it has (ADR 043).
// Only a literal `import.meta.env.SSR` drops the static import from the browser's bundle.
const AnnouncementLists = import.meta.env.SSR
  ? AnnouncementListsOnServer
  : lazyPart(
      () => import("~/components/announcements/announcement-lists"),
      (m) => m.AnnouncementLists,
    );

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Announcements · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageAnnouncements(user, access));
  const editId = new URL(request.url).searchParams.get("edit");
  const [lists, sizes, editing] = await Promise.all([
    listForOrganizers(event.id),
    audienceSizes(event.id, event.phase, user.id),
    editId ? findScheduled(event.id, editId.slice(0, 40)) : Promise.resolve(null),
  ]);
  return {
    event: { slug: event.slug, title: event.title, timezone: event.timezone, phase: event.phase },
    back: backLink(null, { to: `/events/${event.slug}/manage`, label: `Manage ${event.title}` }),
    scheduled: lists.scheduled,
    sent: lists.sent,
    sizes,
    editing: editing
      ? {
          id: editing.id,
          title: editing.title,
          body: editing.body,
          audience: editing.audience,
          sendAt: utcToZonedLocal(editing.sendAt, event.timezone),
          seen: String(editing.updatedAt.getTime()),
        }
      : null,
    // The earliest time the picker offers, in the event's zone like the field itself.
    earliest: utcToZonedLocal(new Date(), event.timezone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageAnnouncements(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const here = `/events/${event.slug}/announcements`;
  const now = new Date();
  // When the announcement being changed was last saved, as the page first read it: a preview or a refused save reads
  // the page again, and the form must keep the time it was opened with, not the newer one (ADR 060).
  const sentSeen = formData.get("seen");
  const seen = typeof sentSeen === "string" && /^\d{1,15}$/.test(sentSeen) ? sentSeen : undefined;
  switch (intent) {
    case "preview": {
      // Nothing is checked or saved: the fields come back as typed, with the body rendered as it will be shown.
      const submission = parseForm(formData, { schema: previewSchema });
      const body = submission.status === "success" ? (submission.value.body ?? "") : "";
      // A preview of a change to an announcement sent or cancelled meanwhile: the page read again shows the form as a
      // new announcement, with the text; it says why, rather than turning into one without a word.
      const id = submission.status === "success" ? submission.value.id : undefined;
      const gone = id && !(await findScheduled(event.id, id)) ? await noLongerScheduled(event.id, id, "changed") : null;
      const said = gone ? { formErrors: [`${gone} Your text is still in the form, now as a new announcement.`] } : undefined;
      return data({ intent, seen, preview: renderMarkdown(body), result: submission.reply(said) as SubmissionResult<string[]> });
    }
    case "save": {
      const submission = parseForm(formData, { schema: announcementSchema({ now, timezone: event.timezone, phase: event.phase }) });
      if (submission.status !== "success") return data({ intent, seen, result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
      const input = submission.value;
      const origin = appOrigin(request);
      if (input.id) {
        const changed = await updateAnnouncement(event.id, input.id, input, now, origin, seen ? new Date(Number(seen)) : undefined);
        if (!changed.ok)
          return data(
            { intent, result: submission.reply({ formErrors: [refusedKeepingForm(changed.message, "Your text is")] }) as SubmissionResult<string[]> },
            { status: 409 },
          );
        return redirectWithToast(here, changed.reached === null ? "Announcement updated." : sentMessage(changed.reached));
      }
      const created = await createAnnouncement(event, user.id, input, now, origin);
      if (created.repeated) return redirectWithToast(here, "You sent or scheduled this same announcement a moment ago, so it was not sent again.");
      return redirectWithToast(here, created.reached === null ? "Announcement scheduled." : sentMessage(created.reached));
    }
    case "cancel": {
      const id = String(formData.get("id") ?? "").slice(0, 40);
      // Cancelling one announcement while changing another: the page comes back to that change, whose form keeps what
      // was typed in it (the form is keyed on the announcement it changes).
      const changing = new URL(request.url).searchParams.get("edit")?.slice(0, 40);
      const back = changing && changing !== id ? `${here}?edit=${encodeURIComponent(changing)}` : here;
      const found = await findScheduled(event.id, id);
      if (!found) return redirectWithToast(back, { kind: "error", message: await noLongerScheduled(event.id, id, "cancelled") });
      // A confirm step that names what is cancelled; the announcement stays scheduled until it is confirmed.
      if (!readConfirmation(formData).confirmed) return data({ intent, confirmCancel: { id, title: found.title } }, { status: 409 });
      const cancelled = await cancelAnnouncement(event.id, id);
      if (!cancelled.ok) return redirectWithToast(back, { kind: "error", message: cancelled.message });
      return redirectWithToast(back, `“${found.title}” was cancelled; it will not be sent.`);
    }
    default:
      return unknownIntent(intent);
  }
}

// A change refused (409: the announcement was sent or cancelled since the page was opened) reads the page again, as a
// page without JavaScript does: the lists show where it went, and the form, which no longer changes anything, keeps
// the text as a new announcement. Other 4xx answers read nothing again, as Remix does without this function (with
// single fetch, Remix passes `defaultShouldRevalidate: true` to a route's own function, so it is not used here).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, formData }) =>
  actionStatus === undefined || actionStatus < 400 || (actionStatus === 409 && formData?.get("intent") === "save");

const sentMessage = (reached: number) =>
  reached === 0
    ? "Announcement sent. Its audience is empty right now, so it reached nobody."
    : `Announcement sent to ${reached} ${reached === 1 ? "person" : "people"}.`;

const SAVE_INTENTS = ["save"] as const;

export default function Announcements() {
  const { event, back, scheduled, sent, sizes, editing, earliest } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // Sent, scheduled or changed: the form starts afresh (a refused save keeps what was typed).
  const saved = useSucceededSubmissions(SAVE_INTENTS);
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={back.to}>← {back.label}</Link>
        </p>
        <h1 className="h1 mt-1">Announcements</h1>
        <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">{event.title}</p>
      </header>
      <AnnouncementForm
        key={editing?.id ?? `new-${saved}`}
        event={event}
        sizes={sizes}
        editing={editing && answer && "seen" in answer && answer.seen ? { ...editing, seen: answer.seen } : editing}
        earliest={earliest}
        lastResult={answer && "result" in answer ? answer.result : undefined}
        preview={answer && "preview" in answer ? answer.preview : null}
      />
      <Deferred>
        <AnnouncementLists event={event} scheduled={scheduled} sent={sent} confirmCancel={answer && "confirmCancel" in answer ? answer.confirmCancel : null} />
      </Deferred>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
