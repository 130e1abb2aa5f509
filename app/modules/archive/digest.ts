// The learnings digest of a closed event, as data and as Markdown for a leadership document. Pure.
import { followUpStatuses, outcomes, rootCauses, type FollowUpStatus, type Outcome, type RootCause } from "#db/enums";
import { outcomeLabels, rootCauseLabels } from "~/modules/entries/labels";
import { followUpLabels } from "~/modules/follow-ups/words";
import { awardNamesByEntry } from "~/modules/judging/results-view";
import { metricLine } from "./metric-line";

export type DigestEntry = {
  id: string;
  title: string;
  teamName: string;
  problemTitle: string;
  outcome: Outcome | null;
  rootCause: RootCause | null;
  rootCauseOther: string;
  metricName: string;
  metricUnit: string;
  metricBaseline: string;
  metricTarget: string;
  metricResult: string;
  didNotWork: string;
  differently: string;
  /** Judges' mean on the Learnings criterion, when the rubric has one and it was scored. */
  learningsMean: number | null;
  /** In the official ranking: after a final round (ADR 038), the final round's, so non-finalists have none. */
  rank: number | null;
  /** What became of it after the event: its latest follow-up (ADR 030). */
  followUp?: DigestFollowUp | null;
};

type DigestFollowUp = { status: FollowUpStatus; why: string; metricValue: string; recordedOn: string };

export type Digest = {
  event: { title: string; slug: string; tagline: string; dates: string };
  entries: DigestEntry[];
  /** entryId lets the page put a badge on the winner; the Markdown names the title. */
  awards: { name: string; entryTitle: string | null; entryId?: string | null }[];
  /** The final round's ranking of its finalists, when the event had one (ADR 038); round 1's is never in the digest. */
  finalRound?: { title: string; rank: number | null }[] | null;
};

/** "1. Title" per finalist, in the final round's order; unranked ones say so. */
export function finalRoundLines(d: Pick<Digest, "finalRound">): string[] {
  return (d.finalRound ?? []).map((f) => `${f.rank === null ? "Not ranked" : `${f.rank}.`} ${f.title || "Untitled entry"}`);
}

export function outcomeCounts(entries: DigestEntry[]) {
  return outcomes.map((o) => ({ outcome: o, n: entries.filter((e) => e.outcome === o).length }));
}

export function rootCauseCounts(entries: DigestEntry[]) {
  return rootCauses
    .map((cause) => ({ cause, n: entries.filter((e) => e.rootCause === cause).length }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n || rootCauses.indexOf(a.cause) - rootCauses.indexOf(b.cause));
}

/**
 * The lessons worth reading first: entries whose judges rated their learnings highest, then by rank;
 * only entries that wrote down what they would do differently.
 */
export function bestLessons(entries: DigestEntry[], limit = 5) {
  return entries
    .filter((e) => e.differently.trim())
    .sort(
      (a, b) =>
        (b.learningsMean ?? -1) - (a.learningsMean ?? -1) ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.title.localeCompare(b.title),
    )
    .slice(0, limit);
}

/** Entries with a follow-up, those that went furthest first (adopted, piloted, parked, dropped), then by title. */
export function followUpEntries(entries: DigestEntry[]): (DigestEntry & { followUp: DigestFollowUp })[] {
  return entries
    .filter((e): e is DigestEntry & { followUp: DigestFollowUp } => Boolean(e.followUp))
    .sort((a, b) => followUpStatuses.indexOf(a.followUp.status) - followUpStatuses.indexOf(b.followUp.status) || a.title.localeCompare(b.title));
}

/** "Adopted in production (recorded 3 Mar 2027). Why. AI metric today: 80 %." */
export function followUpLine(e: Pick<DigestEntry, "metricUnit"> & { followUp: DigestFollowUp }): string {
  const { status, why, metricValue, recordedOn } = e.followUp;
  const metric = metricValue.trim() ? ` AI metric today: ${metricValue.trim()}${e.metricUnit ? ` ${e.metricUnit}` : ""}.` : "";
  return `${followUpLabels[status]} (recorded ${recordedOn}). ${why.trim()}${metric}`;
}

export function rootCauseText(e: Pick<DigestEntry, "rootCause" | "rootCauseOther">) {
  if (!e.rootCause) return "";
  return e.rootCause === "other" && e.rootCauseOther.trim() ? `Other: ${e.rootCauseOther.trim()}` : rootCauseLabels[e.rootCause];
}

/**
 * What the digest page shows, worked out by its loader: the page's JavaScript then carries none of these rules, and
 * the page receives the few entries it shows rather than every entry of the event (issue 19).
 */
export function digestPage(d: Digest) {
  const awardsOf = awardNamesByEntry(d.awards.map((a) => ({ name: a.name, entryId: a.entryId ?? null })));
  const awards = (id: string) => awardsOf[id] ?? [];
  return {
    event: d.event,
    entryCount: d.entries.length,
    outcomes: outcomeCounts(d.entries).map(({ outcome, n }) => ({ outcome, label: outcomeLabels[outcome], n })),
    causes: rootCauseCounts(d.entries).map(({ cause, n }) => ({ cause, label: rootCauseLabels[cause], n })),
    awards: d.awards.flatMap((a) => (a.entryTitle ? [{ name: a.name, entryTitle: a.entryTitle }] : [])),
    finalRound: d.finalRound?.length ? finalRoundLines(d) : null,
    metrics: d.entries
      .filter((e) => e.metricName.trim())
      .map((e) => ({ id: e.id, title: e.title, outcome: e.outcome, metricName: e.metricName, metric: metricLine(e), awards: awards(e.id) })),
    followed: followUpEntries(d.entries).map((e) => ({ id: e.id, title: e.title, metricName: e.metricName, metricUnit: e.metricUnit, followUp: e.followUp })),
    lessons: bestLessons(d.entries).map((e) => ({
      id: e.id,
      title: e.title,
      outcome: e.outcome,
      teamName: e.teamName,
      problemTitle: e.problemTitle,
      rootCause: rootCauseText(e),
      didNotWork: e.didNotWork,
      differently: e.differently,
      awards: awards(e.id),
    })),
  };
}

/** Plain text as one Markdown line: no line breaks, and no character that would start formatting. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\d+)\./, "$1\\.")
    .replace(/^[-+#]/, (c) => `\\${c}`);
}

export function digestMarkdown(d: Digest, appUrl: string): string {
  const lines: string[] = [];
  const total = d.entries.length;
  lines.push(`# Learnings digest: ${mdText(d.event.title)}`, "");
  if (d.event.tagline) lines.push(`_${mdText(d.event.tagline)}_`, "");
  lines.push(`${mdText(d.event.dates)} · ${total} submitted ${total === 1 ? "entry" : "entries"}`, "");

  lines.push("## Outcomes", "");
  for (const { outcome, n } of outcomeCounts(d.entries)) lines.push(`- ${outcomeLabels[outcome]}: ${n}`);
  lines.push("");

  lines.push("## What went wrong (root causes)", "");
  const causes = rootCauseCounts(d.entries);
  if (causes.length === 0) lines.push("No root causes were recorded.");
  for (const { cause, n } of causes) lines.push(`- ${rootCauseLabels[cause]}: ${n}`);
  lines.push("");

  lines.push("## Awards", "");
  const given = d.awards.filter((a) => a.entryTitle);
  if (given.length === 0) lines.push("No awards were given.");
  for (const a of given) lines.push(`- **${mdText(a.name)}**: ${mdText(a.entryTitle ?? "")}`);
  lines.push("");

  if (d.finalRound?.length) {
    lines.push("## Final round", "", "The finalists, as the final round's judges ranked them (the official ranking):", "");
    // "Rank 1: Title" rather than "1. Title" inside a bullet, which Markdown would make a list in a list.
    for (const f of d.finalRound) lines.push(`- ${f.rank === null ? "Not ranked" : `Rank ${f.rank}`}: ${mdText(f.title || "Untitled entry")}`);
    lines.push("");
  }

  lines.push("## AI metric results", "");
  const withMetric = d.entries.filter((e) => e.metricName.trim());
  if (withMetric.length === 0) lines.push("No entry named an AI metric.");
  else {
    lines.push("| Entry | Outcome | Metric | Baseline → target → result |", "| --- | --- | --- | --- |");
    for (const e of withMetric) {
      lines.push(
        `| ${mdText(e.title || "Untitled entry")} | ${e.outcome ? outcomeLabels[e.outcome] : "—"} | ${mdText(e.metricName)} | ${mdText(metricLine(e))} |`,
      );
    }
  }
  lines.push("");

  // Follow-ups come 30 and 90 days after the event (ADR 030): a digest written before any has no such section.
  const followed = followUpEntries(d.entries);
  if (followed.length > 0) {
    lines.push("## What happened next", "");
    for (const e of followed) lines.push(`- **${mdText(e.title || "Untitled entry")}** (${mdText(e.teamName)}): ${mdText(followUpLine(e))}`);
    lines.push("");
  }

  lines.push("## Best lessons", "");
  const lessons = bestLessons(d.entries);
  if (lessons.length === 0) lines.push("No team wrote down what it would do differently.");
  for (const e of lessons) {
    const cause = rootCauseText(e);
    lines.push(`### ${mdText(e.title || "Untitled entry")} (${e.outcome ? outcomeLabels[e.outcome] : "no outcome"})`, "");
    lines.push(`Team ${mdText(e.teamName)} on “${mdText(e.problemTitle)}”${cause ? ` · root cause: ${mdText(cause)}` : ""}`, "");
    if (e.didNotWork.trim()) lines.push(`- **What did not work:** ${mdText(e.didNotWork)}`);
    lines.push(`- **What we would do differently:** ${mdText(e.differently)}`);
    lines.push(`- Read more: ${appUrl}/events/${d.event.slug}/entries/${e.id}`, "");
  }
  return (
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
