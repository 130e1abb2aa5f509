import { dbClient } from "~/db.server";
import { isDatabaseEmpty, seed } from "./seed-data";

// `npm run seed` seeds an empty database; `--if-empty` (used at start-up) says nothing when it is not empty.
const ifEmpty = process.argv.includes("--if-empty");
if (await isDatabaseEmpty()) {
  await seed();
  console.log("Demo data loaded. Sign in as organizer@example.com with password problem-first-demo (see README).");
} else if (!ifEmpty) {
  console.log("The database already has accounts; demo data is loaded only into an empty database.");
}
dbClient.close();
