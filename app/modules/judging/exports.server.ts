import { answerText } from "~/modules/entries/labels";
import { answersByEntry, listQuestions } from "~/modules/entries/questions.server";
import { listAwards } from "./awards.server";
import { Decimal2, toCsv } from "./csv";
import { eventResults, overallCommentRows, rawScoreRows } from "./judging.server";
import { asRound, roundNames } from "./rounds";

type ExportEvent = { id: string; slug: string; scaleMax: number; judgesPerEntry: number | null; normalizeScores: boolean; judgingRound?: number };

const fmt = (n: number | null) => (n === null ? "" : new Decimal2(n));

/** One row per submitted entry (per finalist after a final round: its ranking is the official one), in the official order, with both rankings, the per-criterion means and the answers to the event's questions. */
export async function resultsCsv(event: ExportEvent): Promise<string> {
  const [{ rubric, rows, official }, awardList, questions, answers] = await Promise.all([
    eventResults(event),
    listAwards(event.id),
    listQuestions(event.id),
    answersByEntry(event.id),
  ]);
  const header = [
    "official rank",
    "raw rank",
    "raw score",
    "normalized rank",
    "normalized score",
    "entry",
    "team",
    "problem",
    "outcome",
    "judges",
    "spread",
    "disagreement",
    "incomplete sheets",
    "missing judges",
    ...rubric.map((c) => `${c.name} (mean, weight ${c.weight})`),
    "awards",
    ...questions.map((q) => `question: ${q.label}`),
  ];
  const body = rows.map((r) => [
    official === "normalized" ? (r.normalizedRank ?? "") : (r.rank ?? ""),
    r.rank ?? "",
    fmt(r.score),
    r.normalizedRank ?? "",
    fmt(r.normalizedScore),
    r.entry.title,
    r.entry.teamName,
    r.entry.problemTitle,
    r.entry.outcome ?? "",
    r.judged,
    fmt(r.spread),
    r.disagreement ? "yes" : "no",
    r.incompleteJudges.length,
    r.missingJudges.length,
    ...r.criterionMeans.map((m) => fmt(m.mean)),
    awardList
      .filter((a) => a.entryId === r.entryId)
      .map((a) => a.name)
      .join("; "),
    // Answers are text people typed: toCsv neutralises any that a spreadsheet would run as a formula.
    ...questions.map((q) => answerText(q, answers.get(r.entryId)?.[q.id] ?? "")),
  ]);
  return toCsv([header, ...body]);
}

/**
 * Every score with its comment, then every overall comment (criterion "(overall comment)"). An event with a final
 * round gets a first column saying each row's round (ADR 038); round 1 comes first.
 */
export async function rawScoresCsv(event: { id: string; judgingRound: number }): Promise<string> {
  const [rows, overall] = await Promise.all([rawScoreRows(event.id), overallCommentRows(event.id)]);
  // An event with a final round says which round each score is of, from the round's start on (a file downloaded
  // before its first score has the same columns as one downloaded after).
  const rounds = asRound(event.judgingRound) === 2 || rows.some((r) => r.round === 2) || overall.some((r) => r.round === 2);
  const round = (n: number) => (rounds ? [roundNames[asRound(n)]] : []);
  const header = [...(rounds ? ["round"] : []), "entry", "team", "judge", "judge email", "criterion", "weight", "value", "comment"];
  return toCsv([
    header,
    ...rows.map((r) => [...round(r.round), r.entryTitle, r.teamName, r.judgeName, r.judgeEmail, r.criterionName, r.weight, r.value, r.comment]),
    ...overall.map((r) => [...round(r.round), r.entryTitle, r.teamName, r.judgeName, r.judgeEmail, "(overall comment)", "", "", r.comment]),
  ]);
}

export function csvResponse(csv: string, filename: string) {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
