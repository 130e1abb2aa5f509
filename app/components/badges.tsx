import type { Outcome } from "#db/schema";
import { outcomeBadgeLabels } from "~/modules/entries/labels";

const outcomeStyle: Record<Outcome, string> = {
  working: "bg-emerald-100 text-emerald-900",
  partial: "bg-sky-100 text-sky-900",
  failed: "bg-rose-100 text-rose-900",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <span className="status-pill bg-slate-100 text-slate-700">No outcome yet</span>;
  return <span className={`status-pill ${outcomeStyle[outcome]}`}>{outcomeBadgeLabels[outcome]}</span>;
}

/** An award the entry won; the trophy is decoration, the words say it (screen readers hear "Award: …"). */
function AwardBadge({ name }: { name: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-yellow-400 bg-yellow-50 px-2.5 py-0.5 text-xs font-semibold text-yellow-900">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0 fill-current">
        <path d="M4 1h8v1.5h2.5V5a3 3 0 0 1-3 3h-.2A4 4 0 0 1 9 10v2h2.5v2h-7v-2H7v-2a4 4 0 0 1-2.3-2H4.5a3 3 0 0 1-3-3V2.5H4Zm0 3H3V5a1.5 1.5 0 0 0 1 1.4Zm8 0v2.4A1.5 1.5 0 0 0 13 5V4Z" />
      </svg>
      <span className="sr-only">Award: </span>
      {name}
    </span>
  );
}

/** Every award of one entry, or nothing. */
export function AwardBadges({ awards, className = "" }: { awards: string[] | undefined; className?: string }) {
  if (!awards?.length) return null;
  return (
    <ul aria-label="Awards" className={`flex flex-wrap gap-1.5 ${className}`}>
      {awards.map((name) => (
        <li key={name}>
          <AwardBadge name={name} />
        </li>
      ))}
    </ul>
  );
}

/** A "Your vote" marker (people's choice, ADR 031): the tick is decoration, the words say it. */
export function YourVoteBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-emerald-400 bg-emerald-50 px-2.5 py-0.5 text-xs font-semibold text-emerald-900">
      <span aria-hidden="true">✓</span>
      <span>Your vote</span>
    </span>
  );
}
