import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { AnnouncementAudience } from "#db/enums";
import { ConfirmStep } from "~/components/confirm-step";
import { formatInZone } from "~/lib/time";
import { announcementAnchor, audienceWords } from "~/modules/announcements/rules";

type Row = { id: string; title: string; audience: AnnouncementAudience; sendAt: Date | string; sentAt: Date | string | null; recipientCount: number | null };

/** The organizers' view of an event's announcements: the scheduled ones (change or cancel) and those sent. */
export function AnnouncementLists({
  event,
  scheduled,
  sent,
  confirmCancel,
}: {
  event: { slug: string; timezone: string };
  scheduled: Row[];
  sent: Row[];
  confirmCancel: { id: string; title: string } | null;
}) {
  return (
    <>
      <section aria-labelledby="scheduled-h">
        <h2 id="scheduled-h" className="h2">
          Scheduled
        </h2>
        {scheduled.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Nothing is waiting to be sent.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {scheduled.map((a) => (
              <li key={a.id} className="card space-y-2">
                <h3 className="font-semibold [overflow-wrap:anywhere]">{a.title}</h3>
                <p className="text-sm text-slate-700">
                  To {audienceWords[a.audience].label.toLowerCase()} · sends {formatInZone(a.sendAt, event.timezone)}
                </p>
                {confirmCancel?.id === a.id ? (
                  <ConfirmStep
                    question={`Cancel sending “${confirmCancel.title}”? It will not be sent, and its text is deleted.`}
                    fields={{ intent: "cancel", id: a.id }}
                    confirmLabel="Cancel the announcement"
                    keepLabel="Keep it scheduled"
                  />
                ) : (
                  <Form method="post" className="flex flex-wrap gap-2">
                    <input type="hidden" name="id" value={a.id} />
                    <Link to={`?edit=${a.id}`} className="btn-secondary" aria-label={`Change “${a.title}”`}>
                      Change
                    </Link>
                    {/* "Cancel" alone read as "discard my edits" beside Change: it says what it cancels. */}
                    <button type="submit" name="intent" value="cancel" className="btn-danger" aria-label={`Cancel sending “${a.title}”`}>
                      Cancel sending
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sent-h">
        <h2 id="sent-h" className="h2">
          Sent
        </h2>
        {sent.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No announcement sent yet.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {sent.map((a) => (
              <li key={a.id} className="card text-sm">
                <Link to={`/events/${event.slug}#${announcementAnchor(a.id)}`} className="font-semibold [overflow-wrap:anywhere]">
                  {a.title}
                </Link>
                <p className="mt-1 text-slate-700">
                  To {audienceWords[a.audience].label.toLowerCase()} · sent {formatInZone(a.sentAt!, event.timezone)} · reached{" "}
                  {a.recipientCount === 1 ? "1 person" : `${a.recipientCount ?? 0} people`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
