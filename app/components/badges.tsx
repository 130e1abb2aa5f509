import type { EventPhase, Outcome } from "#db/schema";

const phaseStyle: Record<EventPhase, string> = {
  draft: "bg-slate-200 text-slate-800",
  open: "bg-emerald-100 text-emerald-900",
  judging: "bg-amber-100 text-amber-900",
  closed: "bg-indigo-100 text-indigo-900",
};
const phaseText: Record<EventPhase, string> = { draft: "Draft", open: "Open", judging: "Judging", closed: "Results published" };

export function PhaseBadge({ phase }: { phase: EventPhase }) {
  return <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${phaseStyle[phase]}`}>{phaseText[phase]}</span>;
}

const outcomeStyle: Record<Outcome, string> = {
  working: "bg-emerald-100 text-emerald-900",
  partial: "bg-sky-100 text-sky-900",
  failed: "bg-rose-100 text-rose-900",
};
const outcomeText: Record<Outcome, string> = { working: "Working", partial: "Partial", failed: "Failed attempt" };

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <span className="inline-block whitespace-nowrap rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-slate-700">No outcome yet</span>;
  return <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${outcomeStyle[outcome]}`}>{outcomeText[outcome]}</span>;
}
