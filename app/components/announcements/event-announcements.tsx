import { Link } from "~/components/link";
import type { AnnouncementAudience } from "#db/enums";
import { Markdown } from "~/components/markdown";
import { announcementAnchor, audienceWords } from "~/modules/announcements/rules";

type Shown = { id: string; title: string; html: string; audience: AnnouncementAudience; sentAt: string | null; authorName: string };

/**
 * The announcements on the event page, newest first: only those whose audience this person is in (the loader's
 * query filters them), all of them for the organizers, who also get the link to write one. When each was sent
 * comes as words from the loader.
 */
export function EventAnnouncements({ event, announcements, canManage }: { event: { slug: string }; announcements: Shown[]; canManage: boolean }) {
  if (announcements.length === 0 && !canManage) return null;
  return (
    <section aria-labelledby="announcements-h" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="announcements-h" className="h2">
          Announcements
        </h2>
        {canManage ? <Link to={`/events/${event.slug}/announcements`}>Write or schedule an announcement</Link> : null}
      </div>
      {announcements.length === 0 ? (
        <p className="text-sm text-slate-600">No announcement sent yet.</p>
      ) : (
        <ol className="space-y-3">
          {announcements.map((a) => (
            <li key={a.id}>
              <article id={announcementAnchor(a.id)} aria-labelledby={`${announcementAnchor(a.id)}-h`} className="card scroll-mt-4">
                <h3 id={`${announcementAnchor(a.id)}-h`} className="font-semibold [overflow-wrap:anywhere]">
                  {a.title}
                </h3>
                <p className="mt-1 text-xs text-slate-600">
                  {a.authorName} · {a.sentAt}
                  {canManage ? ` · to ${audienceWords[a.audience].label.toLowerCase()}` : null}
                </p>
                <Markdown html={a.html} className="mt-2 [overflow-wrap:anywhere]" />
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
