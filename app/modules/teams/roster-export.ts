// The teams-and-members CSV as rows: pure, so the column rules are tested without a database.
import type { CsvCell } from "~/modules/judging/csv";

export type RosterTeam = {
  name: string;
  problemTitle: string;
  leadId: string;
  entry: { status: "draft" | "submitted"; title: string } | null;
  members: { id: string; name: string; email: string }[];
};

/** A draft nobody has given a title is still "no entry": the row exists from the moment the team does. */
export function submissionState(entry: RosterTeam["entry"]): "no entry" | "draft" | "submitted" {
  if (!entry || (entry.status === "draft" && entry.title.trim() === "")) return "no entry";
  return entry.status;
}

export const ROSTER_HEADER = ["team", "problem", "submission", "entry", "lead", "lead email", "members", "member emails"];

/** One row per team, lead first among the members. */
export function rosterRows(teamList: RosterTeam[]): CsvCell[][] {
  return teamList.map((t) => {
    const lead = t.members.find((m) => m.id === t.leadId);
    const members = [...(lead ? [lead] : []), ...t.members.filter((m) => m.id !== t.leadId)];
    return [
      t.name,
      t.problemTitle,
      submissionState(t.entry),
      t.entry?.title ?? "",
      lead?.name ?? "",
      lead?.email ?? "",
      members.map((m) => m.name).join("; "),
      members.map((m) => m.email).join("; "),
    ];
  });
}
