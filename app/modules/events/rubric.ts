// The default problem-first rubric of DESIGN.md. Every new event starts with a copy.
export const defaultRubric = [
  { name: "Problem fit", description: "Solves a named business problem for a named user.", weight: 25 },
  { name: "Beyond replication", description: "The interface fits the job, not a chatbot by reflex.", weight: 15 },
  { name: "Pragmatic use of existing models and tools", description: "Uses what exists before building new.", weight: 15 },
  { name: "AI metric", description: "Defined, with a baseline, and measured.", weight: 20 },
  { name: "User control", description: "Leaves the user meaningful knobs and levers.", weight: 10 },
  { name: "Learnings", description: "The post-mortem teaches the next team something.", weight: 15 },
] as const;
