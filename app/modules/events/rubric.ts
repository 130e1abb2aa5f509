/** What a criterion is, for rules that must survive renaming (the Learnings mean of "Most valuable failure"). */
export type CriterionKind = "problem-fit" | "beyond-replication" | "pragmatic-tools" | "ai-metric" | "user-control" | "learnings" | "custom";

// The default problem-first rubric (README glossary: rubric). Every new event starts with a copy; each default keeps its kind when renamed.
export const defaultRubric = [
  { kind: "problem-fit", name: "Problem fit", description: "Solves a named business problem for a named user.", weight: 25 },
  { kind: "beyond-replication", name: "Beyond replication", description: "The interface fits the job, not a chatbot by reflex.", weight: 15 },
  { kind: "pragmatic-tools", name: "Pragmatic use of existing models and tools", description: "Uses what exists before building new.", weight: 15 },
  { kind: "ai-metric", name: "AI metric", description: "Defined, with a baseline, and measured.", weight: 20 },
  { kind: "user-control", name: "User control", description: "Leaves the user meaningful knobs and levers.", weight: 10 },
  { kind: "learnings", name: "Learnings", description: "The post-mortem teaches the next team something.", weight: 15 },
] as const satisfies readonly { kind: CriterionKind; name: string; description: string; weight: number }[];

export const scaleOptions = [5, 10] as const;

/** criteria.levels is a JSON array of texts, one per score level, lowest first; anything else reads as no texts. */
export function parseLevels(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map((v) => (typeof v === "string" ? v : "")) : [];
  } catch {
    return [];
  }
}

/** Level texts for a scale of `scaleMax`: padded with blanks or cut; all blank is stored as no texts ("[]"). */
export function levelsJson(levels: (string | undefined)[], scaleMax: number): string {
  const sized = Array.from({ length: scaleMax }, (_, i) => (levels[i] ?? "").trim());
  return sized.some(Boolean) ? JSON.stringify(sized) : "[]";
}
