// An event's phase as a badge. Apart from the other badges (badges.tsx), so pages that show entries but no phase
// do not load the phase words (ADR 043).
import type { EventPhase } from "#db/schema";
import { phaseWords } from "~/modules/events/phases";

const phaseStyle: Record<EventPhase, string> = {
  draft: "bg-slate-200 text-slate-800",
  open: "bg-emerald-100 text-emerald-900",
  judging: "bg-amber-100 text-amber-900",
  closed: "bg-indigo-100 text-indigo-900",
};

export function PhaseBadge({ phase }: { phase: EventPhase }) {
  return <span className={`status-pill ${phaseStyle[phase]}`}>{phaseWords[phase].badge}</span>;
}
