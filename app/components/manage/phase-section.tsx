import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Link } from "~/components/link";
import type { EventPhase } from "#db/schema";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { phaseLabels, phaseOrder, phaseWords, type PhaseStep } from "~/modules/events/phases";
import { ManageSection } from "./on-this-page";

const check = lazySchemas(() => import("~/modules/events/schemas"));

/** A line of the history, worded on the server: "<at>: <by> <what> (<reason>)". */
type HistoryLine = { at: string; by: string; what: string; reason: string | null };

/** The event's phase, the moves it can make next (with what blocks them) and the moves it has made. */
export function PhaseSection({
  slug,
  phase,
  round,
  steps,
  history,
  lastResult,
  children,
}: {
  slug: string;
  phase: EventPhase;
  /** The judging round (ADR 038): 2 once the final round started. */
  round: 1 | 2;
  steps: PhaseStep[];
  history: HistoryLine[];
  lastResult?: SubmissionResult<string[]>;
  children?: ReactNode;
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
        {steps
          .filter((step) => !step.backward)
          .map((step) => (
            <PhaseStepForm key={step.to} step={step} lastResult={lastResult?.initialValue?.to === step.to ? lastResult : undefined} />
          ))}
      </div>
      {/* The steps back and deleting a draft: rare, so their code comes with the page's later sections (PhaseExtras). */}
      {children}
      {history.length > 0 ? (
        <>
          <h3 id="phase-history-h" className="mt-4 text-sm font-semibold">
            History
          </h3>
          <ul aria-labelledby="phase-history-h" className="mt-1 space-y-1 text-sm text-slate-700">
            {history.map((h, i) => (
              <li key={i}>
                {h.at}: {h.by} {h.what}
                {h.reason ? ` (${h.reason})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ManageSection>
  );
}

export function PhaseStepForm({ step, lastResult, secondary = false }: { step: PhaseStep; lastResult?: SubmissionResult<string[]>; secondary?: boolean }) {
  const [form, fields] = useForm({
    id: `phase-${step.to}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.phaseChangeSchema),
  });
  const blocked = step.blockers.length > 0;
  // As useSending (confirm-step), written out: the Manage page's first load does not carry the confirm step's code.
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "phase" && navigation.formData.get("to") === step.to;
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
      <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={blocked || sending}>
        {step.label}
      </button>
    </Form>
  );
}

/**
 * The lists a confirmation is about, shown next to its checkbox so the organizer sees what they accept. Kept here, not
 * with the score sheets' table (score-sheets.tsx), whose code then comes only with the Manage page's later sections.
 */
function ConfirmationDetails({ id, details }: { id: string; details: { heading: string; items: string[] }[] }) {
  if (!details.length) return null;
  return (
    <div id={id} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      {details.map((d) => (
        <div key={d.heading}>
          <p className="font-semibold">{d.heading}</p>
          <ul className="mt-1 list-disc pl-5">
            {d.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
