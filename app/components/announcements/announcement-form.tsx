import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { EventPhase } from "#db/enums";
import { ErrorList, Field, FormErrors, LeaveDialog, SelectField, TextareaField } from "~/components/forms";
import { useHydrated } from "~/components/error-boundary";
import { useUnsavedForm } from "~/components/unsaved-form";
import { Markdown } from "~/components/markdown";
import { lazySchemas } from "~/lib/lazy-schemas";
import { announcementAudiences, audienceOpen, audienceWords, type AnnouncementAudience } from "~/modules/announcements/rules";

const check = lazySchemas(() => import("~/modules/announcements/schemas"));

/** `seen`: when the announcement was last saved, as the page read it (a save from a page opened before another is refused). */
type Editing = { id: string; title: string; body: string; audience: AnnouncementAudience; sendAt: string; seen: string } | null;

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** Writing (or changing a scheduled) announcement: Markdown with a preview, an audience, now or at a set time. */
export function AnnouncementForm({
  event,
  sizes,
  editing,
  earliest,
  lastResult,
  preview,
}: {
  event: { slug: string; timezone: string; phase: EventPhase };
  sizes: Record<AnnouncementAudience, number>;
  editing: Editing;
  earliest: string;
  lastResult?: SubmissionResult<string[]>;
  preview: string | null;
}) {
  const [form, fields] = useForm({
    id: editing ? `announcement-${editing.id}` : "announcement",
    lastResult,
    defaultValue: editing ? { ...editing, when: "later" } : { audience: "everyone", when: "now" },
    onValidate: ({ formData }) => check(formData, (s) => s.announcementSchema({ now: new Date(), timezone: event.timezone, phase: event.phase })),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [when, setWhen] = useState(String(fields.when.initialValue ?? "now"));
  const formProps = getFormProps(form);
  // A preview comes back to this form: the message stays unsaved until it is sent or scheduled.
  const unsaved = useUnsavedForm(formProps, lastResult, { saves: (button) => button?.value !== "preview" });
  // The preview shows the message as it was sent to be previewed: once the message changes, it says so.
  const [previewStale, setPreviewStale] = useState(false);
  const [answered, setAnswered] = useState(lastResult);
  if (lastResult !== answered) {
    setAnswered(lastResult);
    setPreviewStale(false);
  }
  // Sending or scheduling once: a second press while the first is on its way would send the announcement twice.
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  // An announcement to the winners scheduled before the event was reopened keeps its audience in the list, said to be
  // closed for now: the browser would otherwise show the first choice, and a save would send it to everyone.
  const choices = announcementAudiences.filter((a) => audienceOpen(a, event.phase) || a === editing?.audience);
  const heading = editing ? `Change “${editing.title}”` : "New announcement";
  // Without JavaScript the label cannot follow the "When" choice, so it names both until the page is hydrated.
  const hydrated = useHydrated();
  const sendLabel = !hydrated
    ? editing
      ? "Save announcement"
      : "Send or schedule announcement"
    : when === "later"
      ? editing
        ? "Save and keep it scheduled"
        : "Schedule announcement"
      : "Send announcement now";
  return (
    <section aria-labelledby="announcement-form-h" className="card max-w-3xl">
      <h2 id="announcement-form-h" className="h2">
        {heading}
      </h2>
      <Form
        method="post"
        {...formProps}
        {...unsaved.props}
        onChange={(changed) => {
          unsaved.props.onChange();
          if ((changed.target as HTMLElement).getAttribute("name") === fields.body.name) setPreviewStale(true);
        }}
        className="mt-3 space-y-4"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        {editing ? (
          <>
            <input type="hidden" name={fields.id.name} value={editing.id} />
            <input type="hidden" name="seen" value={editing.seen} />
          </>
        ) : null}
        <Field label="Title" meta={fields.title} autoComplete="off" />
        <TextareaField
          label="Message"
          meta={fields.body}
          rows={8}
          hint="Markdown: **bold**, *italic*, lists, [a link](https://example.com). HTML is filtered: tags other than basic formatting and links are dropped (a script with its content), and only http, https and mailto links work."
        />
        <SelectField
          label="Who gets it"
          meta={fields.audience}
          options={choices.map((a) => ({
            value: a,
            label: `${audienceWords[a].label} (${audienceOpen(a, event.phase) ? `${people(sizes[a])} now` : "once results are published again"})`,
          }))}
          hint={
            <>
              Who is in each audience is worked out when it is sent, so someone who joins before then gets it too; an audience that is empty then reaches
              nobody. You do not get your own announcement.
              {event.phase === "closed" ? null : " Winners can be written to once results are published."}
            </>
          }
        />
        <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
          {choices.map((a) => (
            <div key={a} className="contents">
              <dt className="font-semibold">{audienceWords[a].label}</dt>
              <dd>{audienceWords[a].definition}</dd>
            </div>
          ))}
        </dl>
        <fieldset className="space-y-2">
          <legend className="label">When</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={fields.when.name} value="now" defaultChecked={when === "now"} onChange={() => setWhen("now")} />
            Send now
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={fields.when.name} value="later" defaultChecked={when === "later"} onChange={() => setWhen("later")} />
            At a set time
          </label>
          <ErrorList id={fields.when.errorId} errors={fields.when.errors} />
        </fieldset>
        <div>
          <label htmlFor={fields.sendAt.id} className="label">
            Send at ({event.timezone})
          </label>
          <input
            {...getInputProps(fields.sendAt, { type: "datetime-local", ariaDescribedBy: `${fields.sendAt.descriptionId} ${fields.sendAt.errorId}` })}
            min={earliest}
            className="input mt-1 max-w-xs"
          />
          <p id={fields.sendAt.descriptionId} className="hint">
            Used with “At a set time”: a date and time in the event’s time zone, {event.timezone}.
          </p>
          <ErrorList id={fields.sendAt.errorId} errors={fields.sendAt.errors} />
        </div>
        {unsaved.blocker.state === "blocked" ? <LeaveDialog blocker={unsaved.blocker} unsaved="Your announcement is not sent or scheduled yet." /> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="preview" formNoValidate className="btn-secondary">
            Preview
          </button>
          <button type="submit" name="intent" value="save" className="btn-primary" disabled={sending}>
            {sendLabel}
          </button>
          {editing ? (
            <a href={`/events/${event.slug}/announcements`} className="btn-secondary">
              Stop editing
            </a>
          ) : null}
        </div>
      </Form>
      {preview !== null ? (
        <section aria-labelledby="preview-h" className="mt-4 rounded-md border border-slate-300 p-4">
          <h3 id="preview-h" className="font-semibold">
            Preview
          </h3>
          {previewStale ? (
            <p className="mt-1 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
              The message changed since this preview. Press Preview again to see it as it will be sent.
            </p>
          ) : null}
          {preview ? <Markdown html={preview} className="mt-2" /> : <p className="mt-2 text-sm text-slate-600">The message is empty.</p>}
        </section>
      ) : null}
    </section>
  );
}
