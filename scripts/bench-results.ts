// `npm run bench:results` (ADR 033): the results computation beside the one it replaced, on realistic
// generated scores, run alternately so both see the same machine load. Prints figures; it asserts nothing.
import { isDeepStrictEqual } from "node:util";
import { computeEventResults } from "~/modules/judging/results";
import { realisticResultsInput } from "./results-data";
import { computeEventResultsBefore } from "./results-reference";

/** Milliseconds of CPU this process used: beside the wall clock, it shows what other load on the machine adds. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** computeEventResults and the computation it replaced, alternately on one input: medians of 10 runs after 3 warm-up runs each. */
function computationTiming(size: { entries: number; judges: number; criteria: number }) {
  const input = realisticResultsInput(size);
  const same = isDeepStrictEqual(computeEventResults(input), computeEventResultsBefore(input));
  // Warm-up: the optimizing compiler, and the collector moving the freshly generated input to the old generation.
  for (let i = 0; i < 3; i++) [computeEventResultsBefore, computeEventResults].forEach((compute) => compute(input));
  const runs = { before: { wall: [] as number[], cpu: [] as number[] }, after: { wall: [] as number[], cpu: [] as number[] } };
  for (let i = 0; i < 10; i++) {
    for (const [which, compute] of [
      ["before", computeEventResultsBefore],
      ["after", computeEventResults],
    ] as const) {
      const [wall, cpu] = [performance.now(), cpuMs()];
      compute(input);
      runs[which].wall.push(performance.now() - wall);
      runs[which].cpu.push(cpuMs() - cpu);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[5];
  const figures = (r: { wall: number[]; cpu: number[] }) => `${median(r.wall).toFixed(1)} (${median(r.cpu).toFixed(1)})`;
  return { before: figures(runs.before), after: figures(runs.after), scores: input.scores.length, same };
}

console.log("\nResults computation on realistic scores (entry quality, judge leniency, noise), median of 10 runs, alternating:\n");
console.log("Milliseconds of wall clock (of CPU in brackets, which includes the garbage collector's helper threads):\n");
console.log("size".padEnd(48) + "before ms".padStart(16) + "after ms".padStart(16) + "  same results");
for (const size of [
  { entries: 500, judges: 20, criteria: 6 },
  { entries: 2000, judges: 50, criteria: 6 },
]) {
  const r = computationTiming(size);
  const label = `${size.entries} entries × ${size.judges} judges × ${size.criteria} (${r.scores} scores)`;
  console.log(label.padEnd(48) + r.before.padStart(16) + r.after.padStart(16) + `  ${r.same ? "yes" : "NO"}`);
}
console.log();
