import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ErrorList, FormErrors, LeaveDialog, TextareaField, useLeaveGuard } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { useState } from "react";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

type Criterion = { id: string; name: string; description: string; weight: number; levels: string[] };

/**
 * One judge's sheet for one entry in the current round: a radio group per criterion (its level texts describe the
 * values), optional comments, and two ways to save. `summary`: what a save that kept the judge on this sheet said.
 */
export function ScoreSheetForm({
  entryId,
  round,
  scaleMax,
  rubric,
  mine,
  overall,
  lastResult,
  summary,
}: {
  entryId: string;
  round: number;
  scaleMax: number;
  rubric: Criterion[];
  mine: { criterionId: string; value: number; comment: string }[];
  overall: string;
  lastResult?: SubmissionResult<string[]>;
  summary?: string | null;
}) {
  const byCriterion = new Map(mine.map((s) => [s.criterionId, s]));
  const [form, fields] = useForm({
    id: `score-sheet-${entryId}`,
    lastResult,
    defaultValue: {
      scores: rubric.map((c) => ({ criterionId: c.id, value: byCriterion.get(c.id)?.value?.toString() ?? "", comment: byCriterion.get(c.id)?.comment ?? "" })),
      overallComment: overall,
    },
    onValidate: ({ formData }) =>
      check(formData, (s) =>
        s.scoreSheetSchema(
          rubric.map((c) => c.id),
          scaleMax,
        ),
      ),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const levels = Array.from({ length: scaleMax }, (_, i) => i + 1);
  // A score or comment changed since the sheet was loaded or last saved: leaving asks first. A save that keeps the
  // judge on this sheet answers with a summary; one that moves on loads a fresh sheet.
  const [dirty, setDirty] = useState(false);
  const [answered, setAnswered] = useState(lastResult);
  if (lastResult !== answered) {
    setAnswered(lastResult);
    if (summary) setDirty(false);
  }
  const blocker = useLeaveGuard(dirty);
  return (
    <Form method="post" {...getFormProps(form)} onChange={() => setDirty(true)} className="card space-y-5">
      <h2 className="h2">
        {round === 2 ? "Your final round scores" : "Your scores"} (1 = poor, {scaleMax} = excellent)
      </h2>
      <p className="hint">
        Save any time: a partly filled sheet is kept, and you can change your scores until judging ends. Use the arrow keys to move between values.
      </p>
      <input type="hidden" name="intent" value="score" />
      {summary ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-semibold text-amber-900">
          {summary}
        </p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.scores.errorId} errors={fields.scores.errors} />
      {fields.scores.getFieldList().map((item, i) => {
        const f = item.getFieldset();
        const criterion = rubric[i];
        // Rows sent for another rubric than the page's are never paired with its criteria.
        if (!criterion) return null;
        return (
          <fieldset key={item.key} className="space-y-2 border-t border-slate-100 pt-3" aria-describedby={f.value.errors ? f.value.errorId : undefined}>
            <legend className="font-semibold">
              {criterion.name} <span className="text-xs font-normal text-slate-600">(weight {criterion.weight})</span>
            </legend>
            <p className="text-sm text-slate-700">{criterion.description}</p>
            <input type="hidden" name={f.criterionId.name} value={criterion.id} />
            <div className={criterion.levels.length ? "grid gap-1" : "flex flex-wrap gap-2"}>
              {levels.map((level) => {
                const text = criterion.levels[level - 1];
                const textId = `${f.value.id}-level-${level}`;
                return (
                  // The label names only the value; the level text describes it, so "3" stays the radio's name.
                  <div
                    key={level}
                    className="flex items-start gap-2 rounded border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                  >
                    <label className="flex items-center gap-1 font-semibold">
                      <input
                        type="radio"
                        name={f.value.name}
                        value={level}
                        defaultChecked={f.value.initialValue === String(level)}
                        aria-describedby={text ? textId : undefined}
                      />
                      {level}
                    </label>
                    {text ? (
                      <span id={textId} className="text-slate-700">
                        {text}
                      </span>
                    ) : null}
                  </div>
                );
              })}
            </div>
            <ErrorList id={f.value.errorId} errors={f.value.errors} />
            <label htmlFor={f.comment.id} className="label">
              Comment on {criterion.name} (optional)
            </label>
            <textarea {...getTextareaProps(f.comment)} rows={2} className="input" />
            <ErrorList id={f.comment.errorId} errors={f.comment.errors} />
          </fieldset>
        );
      })}
      <div className="border-t border-slate-100 pt-3">
        <TextareaField label="Overall comment for the team (optional)" meta={fields.overallComment} rows={3} />
      </div>
      {blocker.state === "blocked" ? <LeaveDialog blocker={blocker} unsaved="Your scores and comments on this entry are not saved yet." /> : null}
      {/* The sheet's own errors again where the judge pressed Save (the list at the top is the one screen readers are pointed to). */}
      <div aria-hidden="true">
        <ErrorList errors={fields.scores.errors} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary">
          Save scores
        </button>
        <button type="submit" name="then" value="next" className="btn-secondary">
          Save and next entry
        </button>
      </div>
    </Form>
  );
}
