// Usage: npm run user:promote -- someone@example.com admin|organizer|member
import { eq } from "drizzle-orm";
import { globalRoles, users, type GlobalRole } from "#db/schema";
import { db, dbClient } from "~/db.server";

const [email, role] = process.argv.slice(2);
if (!email || !globalRoles.includes(role as GlobalRole)) {
  console.error(`Usage: npm run user:promote -- <email> <${globalRoles.join("|")}>`);
  process.exit(2);
}
const updated = await db
  .update(users)
  .set({ role: role as GlobalRole })
  .where(eq(users.email, email.trim().toLowerCase()))
  .returning({ name: users.name });
dbClient.close();
if (updated.length === 0) {
  console.error(`No account with email ${email}. They need to sign up first.`);
  process.exit(1);
}
console.log(`${updated[0].name} <${email}> is now ${role}.`);
