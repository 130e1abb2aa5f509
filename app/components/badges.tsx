import type { EventPhase, Outcome } from "#db/schema";
import { outcomeBadgeLabels } from "~/modules/entries/schemas";
import { phaseWords } from "~/modules/events/phases";

const phaseStyle: Record<EventPhase, string> = {
  draft: "bg-slate-200 text-slate-800",
  open: "bg-emerald-100 text-emerald-900",
  judging: "bg-amber-100 text-amber-900",
  closed: "bg-indigo-100 text-indigo-900",
};

export function PhaseBadge({ phase }: { phase: EventPhase }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${phaseStyle[phase]}`}>{phaseWords[phase].badge}</span>
  );
}

const outcomeStyle: Record<Outcome, string> = {
  working: "bg-emerald-100 text-emerald-900",
  partial: "bg-sky-100 text-sky-900",
  failed: "bg-rose-100 text-rose-900",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome)
    return <span className="inline-block whitespace-nowrap rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-slate-700">No outcome yet</span>;
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${outcomeStyle[outcome]}`}>
      {outcomeBadgeLabels[outcome]}
    </span>
  );
}
