// Adding a person to one of an event's rosters (judges, organizers) by email: the same lookup, the same
// "sign up first" answer and the same shape of refusal for both; each roster brings its own INSERT.
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { db } from "~/db.server";

type Person = { id: string; name: string };

export type AddPersonResult = { ok: true; userId: string; name: string } | { ok: false; message: string };

/**
 * `insert` runs the roster's INSERT (any condition it has sits in the statement) and says whether a row went in;
 * `refusal` then words why it did not.
 */
export async function addPersonByEmail(
  email: string,
  insert: (person: Person) => Promise<boolean>,
  refusal: (person: Person) => Promise<string> | string,
): Promise<AddPersonResult> {
  const [person] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  if (!person) return { ok: false, message: "No account has this email. Ask them to sign up first." };
  if (!(await insert(person))) return { ok: false, message: await refusal(person) };
  return { ok: true, userId: person.id, name: person.name };
}
