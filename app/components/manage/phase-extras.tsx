import { Form } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm-step";
import type { SubmissionResult } from "~/lib/form";
import type { EventPhase } from "#db/schema";
import type { PhaseStep } from "~/modules/events/phases";
import { PhaseStepForm } from "./phase-section";

/**
 * The Phase section's rare parts, in the Manage page's later chunk (ADR 043): a step back (reopening submissions,
 * folded away under the question it answers, open again when refused) and deleting a draft created by mistake.
 */
export function PhaseExtras({
  phase,
  steps,
  lastResult,
  confirmDelete,
}: {
  phase: EventPhase;
  steps: PhaseStep[];
  lastResult?: SubmissionResult<string[]>;
  /** The answer to "Delete this draft": its title to type. */
  confirmDelete: { title: string; problems: number; typedWrong: boolean } | null;
}) {
  return (
    <>
      {steps
        .filter((step) => step.backward)
        .map((step) => {
          const answer = lastResult?.initialValue?.to === step.to ? lastResult : undefined;
          return (
            <details key={step.to} open={answer ? true : undefined} className="mt-6 rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-semibold">Judging started too early?</summary>
              <p className="mt-2 text-sm text-slate-700">
                Reopening submissions lets teams change and submit their entries again until a new deadline. Teams and judges are told; judges score again once
                you start judging again.
              </p>
              <div className="mt-3">
                <PhaseStepForm step={step} lastResult={answer} secondary />
              </div>
            </details>
          );
        })}
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
    </>
  );
}
