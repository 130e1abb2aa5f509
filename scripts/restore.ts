// Usage: npm run db:restore -- path/to/backup.db   (stop the app first; restores over DATABASE_URL's file)
import { fileOf, restoreDatabase } from "#db/backup";

const url = process.env.DATABASE_URL ?? "file:data/app.db";
const file = fileOf(url);
const backup = process.argv[2];
if (!file || !backup) {
  console.error("Usage: npm run db:restore -- <backup file>   (file databases only; stop the app first)");
  process.exit(2);
}
console.log(`Restored ${backup} to ${await restoreDatabase(backup, file)}`);
