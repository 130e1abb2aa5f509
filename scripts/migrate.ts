import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";

const url = process.env.DATABASE_URL ?? "file:data/app.db";
const { db, client } = openDatabase(url, process.env.DATABASE_AUTH_TOKEN);
await migrateDatabase(db, client, url);
client.close();
console.log(`Migrations applied to ${url.replace(/\/\/.*@/, "//***@")}`);
