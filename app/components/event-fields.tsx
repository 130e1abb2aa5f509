import { Field, SelectField, TextareaField, type Meta } from "~/components/forms";
import { commonTimezones } from "~/lib/timezones";
import { eventFieldLabels, type EventField } from "~/modules/events/fields";

type EventFieldsMeta = Record<EventField, Meta>;

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
      <Field label={eventFieldLabels.title} meta={fields.title} />
      <Field
        label={eventFieldLabels.slug}
        meta={fields.slug}
        hint="The part after /events/ in the link. Leave it blank to make one from the title."
        autoComplete="off"
      />
      <Field label={eventFieldLabels.tagline} meta={fields.tagline} hint="One line under the title." />
      <TextareaField
        label={eventFieldLabels.description}
        meta={fields.description}
        rows={6}
        hint="Markdown: **bold**, lists, [links](https://…). What the hackathon is for and who should join."
      />
      <TextareaField
        label={eventFieldLabels.rules}
        meta={fields.rules}
        rows={6}
        hint="Markdown, shown in its own section of the event page: what counts as an entry, what data may be used, who to ask."
      />
      <SelectField
        label={eventFieldLabels.timezone}
        meta={fields.timezone}
        options={zones.map((tz) => ({ value: tz, label: tz }))}
        hint={
          current
            ? "All times of the event are entered and shown in this zone. Changing it keeps the times below as typed, so each moment moves: 17:00 stays 17:00, in the new zone."
            : "All times of the event are entered and shown in this zone."
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={eventFieldLabels.startsAt} meta={fields.startsAt} type="datetime-local" hint={was(current?.startsAt)} />
        <Field label={eventFieldLabels.submissionDeadline} meta={fields.submissionDeadline} type="datetime-local" hint={was(current?.submissionDeadline)} />
        <Field label={eventFieldLabels.judgingDeadline} meta={fields.judgingDeadline} type="datetime-local" hint={was(current?.judgingDeadline)} />
      </div>
      <Field label={eventFieldLabels.maxTeamSize} meta={fields.maxTeamSize} type="number" className="max-w-48" />
    </>
  );
}
