// Usage: npm run db:backup [-- path/to/backup.db]   (default: data/backups/app-<timestamp>.db)
import { backupDatabase, fileOf } from "#db/backup";
import { openDatabase } from "#db/client";

const url = process.env.DATABASE_URL ?? "file:data/app.db";
if (!fileOf(url)) {
  console.error("Backups here are for file databases. For a libSQL server or Turso, use its own point-in-time backups.");
  process.exit(2);
}
const target = process.argv[2] ?? `data/backups/app-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
const { client } = openDatabase(url, process.env.DATABASE_AUTH_TOKEN);
console.log(`Backup written to ${await backupDatabase(client, target)}`);
client.close();
