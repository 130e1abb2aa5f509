import { Field, SelectField, TextareaField, type Meta } from "~/components/forms";
import { commonTimezones } from "~/lib/timezones";

type EventFieldsMeta = Record<
  "title" | "slug" | "tagline" | "description" | "rules" | "timezone" | "startsAt" | "submissionDeadline" | "judgingDeadline" | "maxTeamSize",
  Meta
>;

/** The event form's fields, shared by "New event" and "Edit event": one schema, one form. */
export function EventFields({
  fields,
  timezone,
  current,
}: {
  fields: EventFieldsMeta;
  timezone: string;
  current?: { startsAt: string; submissionDeadline: string; judgingDeadline: string };
}) {
  const zones: string[] = [...commonTimezones];
  if (!zones.includes(timezone)) zones.push(timezone);
  const was = (label?: string) => (label ? `In the time zone chosen above. Saved: ${label}` : "In the time zone chosen above.");
  return (
    <>
      <Field label="Title" meta={fields.title} />
      <Field label="Web address" meta={fields.slug} hint="The part after /events/ in the link. Leave it blank to make one from the title." autoComplete="off" />
      <Field label="Tagline (optional)" meta={fields.tagline} hint="One line under the title." />
      <TextareaField
        label="Description"
        meta={fields.description}
        rows={6}
        hint="Markdown: **bold**, lists, [links](https://…). What the hackathon is for and who should join."
      />
      <TextareaField
        label="Rules and FAQ (optional)"
        meta={fields.rules}
        rows={6}
        hint="Markdown, shown in its own section of the event page: what counts as an entry, what data may be used, who to ask."
      />
      <SelectField
        label="Timezone"
        meta={fields.timezone}
        options={zones.map((tz) => ({ value: tz, label: tz }))}
        hint={
          current
            ? "All times of the event are entered and shown in this zone. Changing it keeps the times below as typed, so each moment moves: 17:00 stays 17:00, in the new zone."
            : "All times of the event are entered and shown in this zone."
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Starts" meta={fields.startsAt} type="datetime-local" hint={was(current?.startsAt)} />
        <Field label="Submission deadline" meta={fields.submissionDeadline} type="datetime-local" hint={was(current?.submissionDeadline)} />
        <Field label="Judging deadline" meta={fields.judgingDeadline} type="datetime-local" hint={was(current?.judgingDeadline)} />
      </div>
      <Field label="Maximum team size" meta={fields.maxTeamSize} type="number" className="max-w-48" />
    </>
  );
}
