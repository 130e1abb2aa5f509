// For migration tests: a copy of the migrations folder that stops before one migration, so a test can
// write rows as the previous release did and then apply the rest.
import fs from "node:fs";
import path from "node:path";

/** A copy of the migrations folder, in `dir`, that ends before `tag`. */
export function migrationsBefore(dir: string, tag: string) {
  const folder = path.join(dir, `migrations-before-${tag}`);
  fs.cpSync(path.join(import.meta.dirname, "migrations"), folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
