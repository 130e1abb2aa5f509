import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { EventPhase } from "#db/schema";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { ConfirmStep } from "~/components/confirm-step";
import { ConfirmationDetails } from "~/components/score-sheets";
import { lazySchemas } from "~/lib/lazy-schemas";
import { phaseLabels, phaseOrder, phaseWords, type PhaseStep } from "~/modules/events/phases";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/events/schemas"));

type PhaseChange = { from: EventPhase; to: EventPhase; reason: string | null; at: string; by: string };

/** The event's phase, the moves it can make next (with what blocks them) and the moves it has made. */
export function PhaseSection({
  slug,
  phase,
  round,
  steps,
  history,
  lastResult,
  confirmDelete,
}: {
  slug: string;
  phase: EventPhase;
  /** The judging round (ADR 038): 2 once the final round started. */
  round: 1 | 2;
  steps: PhaseStep[];
  history: PhaseChange[];
  lastResult?: SubmissionResult<string[]>;
  /** The answer to "Delete this draft": its title to type. */
  confirmDelete?: { title: string; problems: number; typedWrong: boolean } | null;
}) {
  return (
    <ManageSection id="phase" title={`Phase: ${phaseLabels[phase]}${phase === "judging" && round === 2 ? ", final round" : ""}`}>
      <p className="mt-1 text-sm text-slate-600">{phaseOrder.map((p) => phaseWords[p].badge).join(" → ")}.</p>
      {phase === "judging" && round === 1 ? (
        <p className="mt-2 text-sm text-slate-700">
          Round 1. To hold a second round, <Link to={`/events/${slug}/final-round`}>shortlist finalists for a final round</Link>; otherwise publish round
          1&rsquo;s results below.
        </p>
      ) : null}
      {round === 2 && (phase === "judging" || phase === "closed") ? (
        <p className="mt-2 text-sm text-slate-700">
          Round 1 is closed; the final round&rsquo;s ranking is the official one.{" "}
          <Link to={`/events/${slug}/final-round`}>Finalists and final round judges</Link>
        </p>
      ) : null}
      {/* A refusal of a step the page no longer offers (another organizer moved the event meanwhile) is said here. */}
      {lastResult && !steps.some((step) => step.to === lastResult.initialValue?.to) ? (
        <FormErrors errors={Object.values(lastResult.error ?? {}).flatMap((errors) => errors ?? [])} />
      ) : null}
      <div className="mt-4 space-y-6">
        {steps.map((step) => {
          // Judging offers two steps: only the one that was submitted shows the answer.
          const answer = lastResult?.initialValue?.to === step.to ? lastResult : undefined;
          return step.to === "open" && phase === "judging" ? (
            // Going back is the exception, folded away under the question it answers (and open again when refused).
            <details key={step.to} open={answer ? true : undefined} className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-semibold">Judging started too early?</summary>
              <p className="mt-2 text-sm text-slate-700">
                Reopening submissions lets teams change and submit their entries again until a new deadline. Teams and judges are told; judges score again once
                you start judging again.
              </p>
              <div className="mt-3">
                <PhaseStepForm step={step} lastResult={answer} secondary />
              </div>
            </details>
          ) : (
            <PhaseStepForm key={step.to} step={step} lastResult={answer} />
          );
        })}
      </div>
      {phase === "draft" ? (
        // Created by mistake, or a copy nobody needs: nobody else has seen a draft, so it can go.
        <details open={confirmDelete ? true : undefined} className="mt-6 rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold">Created by mistake?</summary>
          {confirmDelete ? (
            <ConfirmStep
              className="mt-3"
              question={`Delete the draft “${confirmDelete.title}”? ${confirmDelete.problems === 0 ? "Its" : confirmDelete.problems === 1 ? "Its problem," : `Its ${confirmDelete.problems} problems,`} rubric, organizers and judges go with it. This cannot be undone.`}
              fields={{ intent: "delete-draft" }}
              typed={{
                label: `Type the event's title, ${confirmDelete.title}, to confirm`,
                error: confirmDelete.typedWrong ? `That is not the event's title. Type ${confirmDelete.title} exactly.` : null,
              }}
              confirmLabel="Delete the draft for good"
              keepLabel="Keep the draft"
            />
          ) : (
            <Form method="post" className="mt-3 space-y-2">
              <p className="text-sm text-slate-700">A draft nobody else has seen can be deleted, with its problems and rubric.</p>
              <button type="submit" name="intent" value="delete-draft" className="btn-danger">
                Delete this draft
              </button>
            </Form>
          )}
        </details>
      ) : null}
      {history.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">History</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {history.map((h, i) => (
              <li key={i}>
                {h.at}: {h.by} moved {phaseLabels[h.from]} → {phaseLabels[h.to]}
                {h.reason ? ` (${h.reason})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ManageSection>
  );
}

function PhaseStepForm({ step, lastResult, secondary = false }: { step: PhaseStep; lastResult?: SubmissionResult<string[]>; secondary?: boolean }) {
  const [form, fields] = useForm({
    id: `phase-${step.to}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.phaseChangeSchema),
  });
  const blocked = step.blockers.length > 0;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="phase" />
      <input type="hidden" name="to" value={step.to} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {blocked ? (
        <div>
          <p className="text-sm font-semibold text-slate-800">Before you can {step.label.toLowerCase()}:</p>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {step.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {step.deadline ? <Field label="New submission deadline" meta={fields.submissionDeadline} type="datetime-local" hint={step.deadline.hint} /> : null}
      {step.needsReason ? <TextareaField label={step.to === "open" ? "Why reopen submissions?" : "Why reopen?"} meta={fields.reason} rows={2} /> : null}
      {step.confirmation ? (
        <div>
          <ConfirmationDetails id={`${fields.confirmed.id}-details`} details={step.details} />
          <label className="mt-2 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.confirmed.name}
              id={fields.confirmed.id}
              value="on"
              className="mt-1"
              aria-describedby={
                [step.details.length ? `${fields.confirmed.id}-details` : "", fields.confirmed.errors ? fields.confirmed.errorId : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            <span>{step.confirmation}</span>
          </label>
          <ErrorList id={fields.confirmed.errorId} errors={fields.confirmed.errors} />
        </div>
      ) : null}
      <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
      <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={blocked}>
        {step.label}
      </button>
    </Form>
  );
}
