import { ScoreSheets } from "~/components/score-sheets";
import type { PhaseStep } from "~/modules/events/phases";
import { ManageSection } from "./on-this-page";

type Outcomes = { working: number; partial: number; failed: number; none: number; drafts: number };
type DashboardData = {
  outcomes: Outcomes;
  progress: { done: number; due: number };
  sheets: Parameters<typeof ScoreSheets>[0]["sheets"] | null;
  deadlines: { label: string; at: string; relative: string; past: boolean }[];
};

/** Counts, judging progress, deadlines and what blocks the next phase, at the top of the Manage page. */
export function DashboardSection({ dashboard, teamCount, steps }: { dashboard: DashboardData; teamCount: number; steps: PhaseStep[] }) {
  const { outcomes, progress, deadlines, sheets } = dashboard;
  const percent = progress.due > 0 ? Math.round((progress.done / progress.due) * 100) : 0;
  const submitted = outcomes.working + outcomes.partial + outcomes.failed + outcomes.none;
  return (
    <ManageSection id="dashboard" title="Dashboard">
      <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Teams</dt>
          <dd className="text-2xl font-bold">{teamCount}</dd>
        </div>
        <div>
          <dt className="font-semibold">Submitted entries</dt>
          <dd>
            <span className="text-2xl font-bold">{submitted}</span>
            <span className="block text-slate-700" data-testid="entries-by-outcome">
              {outcomes.working} working · {outcomes.partial} partial · {outcomes.failed} failed
              {outcomes.drafts ? ` · ${outcomes.drafts} still in draft` : ""}
            </span>
          </dd>
        </div>
        <div>
          <dt className="font-semibold" id="progress-label">
            Judging progress
          </dt>
          <dd>
            <div
              role="progressbar"
              aria-labelledby="progress-label"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${progress.done} of ${progress.due} scores`}
              className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
            </div>
            <span className="text-slate-700">
              {progress.done} of {progress.due} scores ({percent}%)
            </span>
          </dd>
        </div>
      </dl>
      {sheets ? <ScoreSheets sheets={sheets} /> : null}
      <h3 className="mt-4 text-sm font-semibold">Deadlines</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {deadlines.map((d) => (
          <li key={d.label}>
            {d.label}: {d.at} <span className={d.past ? "text-slate-600" : "font-semibold"}>({d.relative})</span>
          </li>
        ))}
      </ul>
      <h3 className="mt-4 text-sm font-semibold">What blocks the next phase</h3>
      <ul className="mt-1 list-disc pl-5 text-sm" data-testid="next-phase-blockers">
        {/* Only the steps forward: reopening submissions is the exception, offered in the Phase section. */}
        {steps
          .filter((step) => !step.backward)
          .flatMap((step) =>
            step.blockers.length
              ? step.blockers.map((b) => <li key={b}>{b}</li>)
              : [
                  <li key={step.to}>
                    {step.confirmation ? `“${step.label}” needs your confirmation: ${step.confirmation}` : `Nothing blocks “${step.label}”.`}
                    {step.needsReason ? " It needs a reason." : ""}
                  </li>,
                ],
          )}
      </ul>
    </ManageSection>
  );
}
