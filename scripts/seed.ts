import { dbClient } from "~/db.server";
import { isDatabaseEmpty, seed } from "./seed-data";

// Accounts are made here in bulk: the server's budget of password hashes per second (ADR 039) is for
// requests, not for this script. Read at the first hash.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";

// `npm run seed` seeds an empty database; `--if-empty` (used at start-up) says nothing when it is not empty.
const ifEmpty = process.argv.includes("--if-empty");
if (await isDatabaseEmpty()) {
  await seed();
  console.log("Demo data loaded. Sign in as organizer@example.com with password problem-first-demo (see README).");
} else if (!ifEmpty) {
  console.log("The database already has accounts; demo data is loaded only into an empty database.");
}
dbClient.close();
