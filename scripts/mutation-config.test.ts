// StrykerJS only counts a mutant as killed by tests that vitest.mutation.config.ts runs (ADR 013). A pure unit test of
// a mutated module left out of that list makes its mutants look untested, as happened to the digest's follow-up tests.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import mutationConfig from "../vitest.mutation.config";

const stryker = JSON.parse(fs.readFileSync("stryker.config.json", "utf8")) as { mutate: string[] };
// The configs' globs only use `*` within one path segment.
const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
const filesMatching = (glob: string) => {
  const dir = glob.includes("*") ? glob.slice(0, glob.indexOf("*")).replace(/[^/]*$/, "") : path.dirname(glob);
  const re = globToRegExp(glob);
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir.replace(/\/$/, ""), f.split(path.sep).join("/")))
    .filter((f) => re.test(f));
};
// Tests that need the database or the app's server modules are integration tests, too slow for thousands of runs.
const isPure = (source: string) => !/from "(~\/db\.server|~\/test\/fixtures|[^"]*\.server)"/.test(source);

describe("the mutation config", () => {
  const included = (mutationConfig.test?.include ?? []).map(globToRegExp);
  const mutated = stryker.mutate.flatMap(filesMatching);

  it("mutates files that exist", () => {
    expect(mutated.length).toBeGreaterThan(20);
    for (const glob of stryker.mutate) expect(filesMatching(glob), glob).not.toEqual([]);
  });

  it("runs every pure unit test beside a mutated module that imports it", () => {
    const missing: string[] = [];
    for (const file of mutated) {
      const dir = path.dirname(file);
      const module = `./${path.basename(file, ".ts")}`;
      for (const test of fs.readdirSync(dir).filter((f) => f.endsWith(".test.ts"))) {
        const testPath = `${dir}/${test}`;
        const source = fs.readFileSync(testPath, "utf8");
        if (source.includes(`from "${module}"`) && isPure(source) && !included.some((re) => re.test(testPath))) missing.push(testPath);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
