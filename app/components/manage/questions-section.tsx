import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/lib/form";
import { listRows } from "~/lib/form-lists";
import { Form } from "@remix-run/react";
import { questionKinds } from "#db/enums";
import { ConfirmStep, useSending } from "~/components/confirm-step";
import { EnterSaves, ErrorList, Field, FormErrors, LeaveDialog, SelectField, TextareaField } from "~/components/forms";
import { useUnsavedForm } from "~/components/unsaved-form";
import { lazySchemas } from "~/lib/lazy-schemas";
import { MAX_QUESTIONS, questionKindLabels, type Question, type QuestionsInput } from "~/modules/entries/questions";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/entries/question-schemas"));

/** What saving would remove, and the editor's fields to send the same save again once confirmed. */
type RemovalFacts = { labels: string[]; teamCount: number; fields: Record<string, string> };
/** What "Keep the question" gives back: the submitted questions with the named ones restored, unsaved. */
/** `stamp`: the one the kept edits' page was read with, so their save is still checked against it (ADR 060). */
type Kept = { questions: QuestionsInput["questions"]; restored: string[]; stamp?: string | null };
type EditorValues = QuestionsInput["questions"];

const storedValues = (questions: Question[]): EditorValues =>
  questions.map((q) => ({ id: q.id, label: q.label, kind: q.kind, required: q.required, options: q.options.join("\n") }));

/**
 * The event's custom submission questions (ADR 036): edited here until the first entry is submitted, then shown as
 * they were answered. Adding and removing a question are conform list buttons, so the editor works without JavaScript;
 * saving without a stored question asks first, in place of the editor, saying how many teams' answers go with it.
 */
export function QuestionsSection({
  questions,
  stamp,
  lockedReason,
  lastResult,
  confirmRemove,
  kept,
}: {
  questions: Question[];
  /** Of the stored questions the page was loaded with: a save from a page read before another save is refused. */
  stamp: string;
  lockedReason: string | null;
  lastResult?: SubmissionResult<string[]>;
  confirmRemove: RemovalFacts | null;
  kept: Kept | null;
}) {
  const values = kept ? kept.questions : storedValues(questions);
  return (
    <ManageSection id="questions" title={`Submission questions (${questions.length} of ${MAX_QUESTIONS})`}>
      <p className="mt-1 text-sm text-slate-700">
        Ask teams up to {MAX_QUESTIONS} questions of your own on the entry form; answers show on the entry page and in the results CSV.
      </p>
      {lockedReason ? (
        <>
          <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {lockedReason}
          </p>
          {questions.length ? (
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
              {questions.map((q) => (
                <li key={q.id}>
                  <span className="font-semibold">{q.label}</span> ({questionKindLabels[q.kind]}
                  {q.kind === "choice" ? `: ${q.options.join(", ")}` : ""}
                  {q.required ? ", required" : ", optional"})
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : confirmRemove ? (
        <ConfirmRemoveQuestions facts={confirmRemove} />
      ) : (
        <>
          {kept ? <KeptNotice kept={kept} /> : null}
          {/* A new key after each save or keep: the form starts again from those questions, each with a list key. */}
          <QuestionsForm
            key={`${kept ? "kept" : "stored"}|${values.map((q) => `${q.id}/${q.kind}/${q.label}/${q.required}/${q.options}`).join("|")}`}
            values={values}
            stamp={kept?.stamp ?? stamp}
            lastResult={kept ? undefined : lastResult}
            unsaved={Boolean(kept)}
          />
        </>
      )}
    </ManageSection>
  );
}

function KeptNotice({ kept }: { kept: Kept }) {
  const over = kept.questions.length - MAX_QUESTIONS;
  const which = kept.restored.map((label) => `“${label}”`).join(", ");
  return (
    <p role="status" className="mt-3 rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800">
      Nothing was saved.{" "}
      {kept.restored.length
        ? `${which} ${kept.restored.length === 1 ? "is" : "are"} back in place; your other changes are below, not saved yet.`
        : "Your changes are below, not saved yet."}
      {over > 0 ? ` That makes ${kept.questions.length} questions, more than ${MAX_QUESTIONS}: remove ${over === 1 ? "one" : over} before saving.` : ""}
    </p>
  );
}

/** `unsaved`: the values are edits given back unsaved ("Keep the question"), not the stored questions. */
function QuestionsForm({
  values,
  stamp,
  lastResult,
  unsaved,
}: {
  values: EditorValues;
  stamp: string;
  lastResult?: SubmissionResult<string[]>;
  unsaved: boolean;
}) {
  const saving = useSending({ intent: "save-questions" });
  const [form, fields] = useForm({
    id: "save-questions",
    lists: listRows,
    lastResult,
    defaultValue: {
      questions: values.map((q) => ({ id: q.id, label: q.label, kind: q.kind, required: q.required ? "on" : "", options: q.options })),
    },
    onValidate: ({ formData }) => check(formData, (s) => s.questionsFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const list = fields.questions.getFieldList();
  // Typed, added or removed since the questions were loaded or saved: leaving asks first, and the form says so. Sending
  // the save clears it (a save that changed something loads the section afresh, with a new key); a refusal sets it
  // again, since the typing is still only here.
  const formProps = getFormProps(form);
  // Adding or removing a question (a list button, which has a name) leaves the form unsaved too.
  const guard = useUnsavedForm(formProps, lastResult, { startsUnsaved: unsaved, saves: (button) => !button?.name });
  return (
    <Form method="post" {...formProps} {...guard.props} className="mt-3 space-y-4">
      <input type="hidden" name="intent" value="save-questions" />
      <input type="hidden" name="stamp" value={stamp} />
      <EnterSaves label="Save questions" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.questions.errorId} errors={fields.questions.errors} />
      {list.length === 0 ? <p className="text-sm text-slate-600">No questions yet.</p> : null}
      <ol className="space-y-4">
        {list.map((item, index) => {
          const q = item.getFieldset();
          const n = index + 1;
          return (
            <li key={item.key} className="rounded-md border border-slate-200 p-3">
              <fieldset className="space-y-3">
                <legend className="font-semibold">Question {n}</legend>
                <input {...getInputProps(q.id, { type: "hidden" })} />
                <Field label={`Text of question ${n}`} meta={q.label} />
                <SelectField
                  label={`Kind of answer (question ${n})`}
                  meta={q.kind}
                  placeholder="Pick a kind…"
                  options={questionKinds.map((k) => ({ value: k, label: questionKindLabels[k] }))}
                />
                <TextareaField label={`Options of question ${n}`} meta={q.options} rows={3} hint="Only for “One of a list”: 2 to 10 options, one a line." />
                <div className="flex items-center gap-2">
                  <input {...getInputProps(q.required, { type: "checkbox" })} className="h-4 w-4" />
                  <label htmlFor={q.required.id} className="text-sm">
                    Question {n} must be answered to submit
                  </label>
                </div>
              </fieldset>
              <button {...form.remove.getButtonProps({ name: fields.questions.name, index })} className="btn-danger mt-3 px-2 py-1 text-xs">
                Remove question {n}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-3">
        {list.length < MAX_QUESTIONS ? (
          <button
            {...form.insert.getButtonProps({ name: fields.questions.name, defaultValue: { label: "", kind: "", options: "" } })}
            className="btn-secondary"
          >
            Add a question
          </button>
        ) : null}
        <button type="submit" className="btn-primary" disabled={saving}>
          Save questions
        </button>
      </div>
      {guard.dirty ? <p className="hint">Changes not saved yet: they are kept when you press Save questions.</p> : null}
      {guard.blocker.state === "blocked" ? <LeaveDialog blocker={guard.blocker} unsaved="Your changes to the submission questions are not saved yet." /> : null}
    </Form>
  );
}

function ConfirmRemoveQuestions({ facts }: { facts: RemovalFacts }) {
  const one = facts.labels.length === 1;
  const which = facts.labels.map((label) => `“${label}”`).join(", ");
  const it = one ? "it" : "them";
  const answers =
    facts.teamCount === 0
      ? `No team has answered ${it} yet.`
      : `${facts.teamCount === 1 ? "1 team's" : `${facts.teamCount} teams'`} draft answers to ${it} will be deleted for good.`;
  return (
    <ConfirmStep
      className="mt-3"
      question={`${one ? `Remove the question ${which}?` : `Remove ${facts.labels.length} questions (${which})?`} ${answers} Your other changes to the questions are saved with ${one ? "its" : "their"} removal; if you keep ${it}, they stay in the editor, unsaved.`}
      fields={{ intent: "save-questions", ...facts.fields }}
      confirmLabel={one ? "Remove the question and save" : `Remove ${facts.labels.length} questions and save`}
      keepLabel={one ? "Keep the question" : "Keep the questions"}
      keepSendsBack
    />
  );
}
