import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation, type Blocker } from "@remix-run/react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { outcomes, rootCauses, type Outcome, type RootCause } from "#db/enums";
import { Field, FormErrors, LeaveDialog, SelectField, TextareaField, type Meta } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { Question } from "~/modules/entries/questions";
import { entryFieldLabels, requiredToSubmit, SHOWN_QUESTIONS_FIELD, type EntryField } from "~/modules/entries/fields";
import { outcomeLabels, rootCauseLabels, yesNoLabels } from "~/modules/entries/labels";
import { useEntryAutosave, type AutosaveStatus } from "./use-entry-autosave";

const check = lazySchemas(() => import("~/modules/entries/schemas"));

/** The form's sections, in order: the in-page navigation and the fieldsets share these ids. */
const entrySections = [
  { id: "what-you-built", title: "What you built" },
  { id: "ai-metric", title: "AI metric" },
  { id: "post-mortem", title: "Post-mortem" },
  { id: "questions", title: "Organizers' questions" },
  { id: "links", title: "Links & screenshots" },
] as const;

type SectionId = (typeof entrySections)[number]["id"];

/** The questions section shows only when the event asks custom questions (ADR 036). */
export function EntrySectionsNav({ withQuestions = false }: { withQuestions?: boolean }) {
  return (
    <nav aria-label="Entry sections" className="text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {entrySections
          .filter((s) => withQuestions || s.id !== "questions")
          .map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Section({ id, children, className = "space-y-4" }: { id: SectionId; children: ReactNode; className?: string }) {
  const title = entrySections.find((s) => s.id === id)?.title;
  return (
    <fieldset id={id} className={`card scroll-mt-4 ${className}`}>
      <legend className="px-1">
        <h2 className="h2">{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

type EntryFormValues = Record<Exclude<EntryField, "version" | "outcome" | "postMortemRootCause">, string> & {
  version: number;
  status: "draft" | "submitted";
  outcome: Outcome | null;
  postMortemRootCause: RootCause | null;
  answers: Record<string, string>;
};

/**
 * The entry form in four sections with a save bar that stays on screen. Without JavaScript it is a plain
 * form with Save draft and Submit; with it, the draft also saves itself (useEntryAutosave).
 */
export function EntryForm({
  entry,
  questions,
  metricNote,
  lastResult,
  onAutosaved,
}: {
  entry: EntryFormValues;
  questions: Question[];
  /** Said above the AI metric when it was filled in from the problem's suggestion (worded by the server, ADR 043). */
  metricNote: string | null;
  lastResult?: SubmissionResult<string[]>;
  /** Told the entry's version after each autosave that stored it. */
  onAutosaved?: (version: number) => void;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useEntryAutosave(formRef, entry.version, { submitted: entry.status === "submitted", onSaved: onAutosaved });
  const [outcome, setOutcome] = useState<Outcome | "">(entry.outcome ?? "");
  const required: ReadonlySet<EntryField> = requiredToSubmit(outcome);
  const [form, fields] = useForm({
    id: "entry",
    lastResult,
    defaultValue: { ...entry, outcome: entry.outcome ?? "", postMortemRootCause: entry.postMortemRootCause ?? "", version: String(entry.version) },
    onValidate: ({ formData }) => check(formData, (s) => s.entrySchemaFor(entry.status === "submitted" ? "submit" : formData.get("intent"), questions)),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const formProps = getFormProps(form);
  const label = (field: EntryField) =>
    required.has(field) || field === "postMortemRootCauseOther" ? (
      entryFieldLabels[field]
    ) : (
      <>
        {entryFieldLabels[field]} {optional}
      </>
    );
  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.name === "outcome") setOutcome(target.value as Outcome | "");
    autosave.onEdit();
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    autosave.cancelPending();
    formProps.onSubmit(event);
    // Refused here (a field needs attention): the draft is still saved as typed.
    if (event.defaultPrevented) autosave.onEdit();
  }
  return (
    <Form
      method="post"
      {...formProps}
      ref={formRef}
      onSubmit={onSubmit}
      onChange={onChange}
      // Fields scrolled to by focus stop above the sticky save bar.
      className="space-y-6 [:root:has(&)]:scroll-pb-32"
    >
      <input type="hidden" name="version" value={autosave.version} />
      <input type="hidden" name={SHOWN_QUESTIONS_FIELD} value={questions.map((q) => q.id).join(",")} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Section id="what-you-built">
        <Field label={label("title")} meta={fields.title} />
        <Field label={label("summary")} meta={fields.summary} />
        <SelectField
          label={label("outcome")}
          meta={fields.outcome}
          placeholder="Pick an outcome…"
          options={outcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))}
          hint="A failed attempt is a full entry: its post-mortem is the result."
        />
        <TextareaField label={label("approach")} meta={fields.approach} rows={4} />
        <Field label={label("tags")} meta={fields.tags} hint="Comma-separated, e.g. support, retrieval, classification." />
      </Section>
      <Section id="ai-metric" className="grid gap-4 sm:grid-cols-2">
        {metricNote ? <p className="text-sm text-slate-700 sm:col-span-2">{metricNote}</p> : null}
        <Field label={label("metricName")} meta={fields.metricName} />
        <Field label={label("metricUnit")} meta={fields.metricUnit} />
        <Field label={label("metricBaseline")} meta={fields.metricBaseline} />
        <Field label={label("metricTarget")} meta={fields.metricTarget} />
        <Field label={label("metricResult")} meta={fields.metricResult} hint="A failed attempt may leave this empty and explain why in the post-mortem." />
      </Section>
      <Section id="post-mortem">
        <TextareaField label={label("postMortemWorked")} meta={fields.postMortemWorked} />
        <TextareaField label={label("postMortemDidNotWork")} meta={fields.postMortemDidNotWork} />
        <SelectField
          label={label("postMortemRootCause")}
          meta={fields.postMortemRootCause}
          placeholder="Pick the root cause…"
          options={rootCauses.map((c) => ({ value: c, label: rootCauseLabels[c] }))}
        />
        <Field label={label("postMortemRootCauseOther")} meta={fields.postMortemRootCauseOther} />
        <TextareaField label={label("postMortemDifferently")} meta={fields.postMortemDifferently} />
        <TextareaField label={label("postMortemNextSteps")} meta={fields.postMortemNextSteps} />
      </Section>
      {questions.length > 0 ? (
        <Section id="questions">
          <QuestionFields questions={questions} answers={fields.answers.getFieldset()} />
        </Section>
      ) : null}
      <Section id="links">
        <p className="text-sm text-slate-700">
          {outcome === "failed"
            ? "A failed attempt often has no demo or video: leave those empty, and link the repository or notes if there are any."
            : "Link what exists. Screenshots are added below the form."}
        </p>
        <Field label={label("demoUrl")} meta={fields.demoUrl} type="url" />
        <Field label={label("repoUrl")} meta={fields.repoUrl} type="url" />
        <Field label={label("videoUrl")} meta={fields.videoUrl} type="url" />
      </Section>
      <SaveBar
        status={autosave.status}
        blocker={autosave.blocker}
        disabled={busy || autosave.autosaving}
        // Fields only (shown messages are never empty lists): a message about the whole form (a teammate's save,
        // under the name "") is shown above it, and names no field.
        needsAttention={Object.keys(form.allErrors).some(Boolean)}
        submitted={entry.status === "submitted"}
      />
    </Form>
  );
}

const optional = <span className="font-normal text-slate-600">(optional)</span>;

/** One field per custom question, in the organizers' order: text, long text or a list to pick from. */
function QuestionFields({ questions, answers }: { questions: Question[]; answers: Record<string, Meta> }) {
  return questions.map((q) => {
    const meta = answers[q.id];
    const label = q.required ? (
      q.label
    ) : (
      <>
        {q.label} {optional}
      </>
    );
    if (q.kind === "long-text") return <TextareaField key={q.id} label={label} meta={meta} />;
    if (q.kind === "short-text") return <Field key={q.id} label={label} meta={meta} />;
    const options =
      q.kind === "yes-no" ? (["yes", "no"] as const).map((v) => ({ value: v, label: yesNoLabels[v] })) : q.options.map((o) => ({ value: o, label: o }));
    return <SelectField key={q.id} label={label} meta={meta} placeholder="Pick an answer…" options={options} />;
  });
}

function SaveBar({
  status,
  blocker,
  disabled,
  needsAttention,
  submitted,
}: {
  status: AutosaveStatus;
  blocker: Blocker;
  disabled: boolean;
  needsAttention: boolean;
  submitted: boolean;
}) {
  return (
    <div className="sticky bottom-0 z-10 -mx-2 space-y-2 rounded-t-lg border border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur">
      {blocker.state === "blocked" ? <LeaveDialog blocker={blocker} unsaved="Your latest changes to the entry are not saved yet." /> : null}
      {needsAttention ? <p className="text-sm font-medium text-red-700">Some fields need attention: their messages are next to them.</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={disabled}>
          {submitted ? "Save changes" : "Save draft"}
        </button>
        {/* Once submitted, saving checks what submitting checks (a submitted entry stays complete): one button. */}
        {submitted ? null : (
          <button type="submit" name="intent" value="submit" className="btn-primary" disabled={disabled}>
            Submit entry
          </button>
        )}
        <p
          aria-live="polite"
          aria-atomic="true"
          data-testid="autosave-status"
          className={`text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-600"}`}
        >
          {status.text}
        </p>
      </div>
    </div>
  );
}
