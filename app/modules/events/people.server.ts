// Adding a person to one of an event's rosters (judges, organizers) by email: the same lookup, the same
// "sign up first" answer, the same shape of refusal, and a notice telling them (in-app and by mail), written
// in the same transaction as the roster row and only when the row went in (ADR 015, ADR 024); each roster
// brings its own INSERT.
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { EventPhase } from "#db/enums";
import { events, users } from "#db/schema";
import { db } from "~/db.server";
import { canBeAddedToRoster } from "~/modules/auth/permissions";
import { notifyStatementsIfChanged, type Notice } from "~/modules/notifications/notify.server";

export type Person = { id: string; name: string; email: string };
export type RosterEvent = { id: string; title: string; slug: string; phase: EventPhase };

export type AddPersonResult = { ok: true; userId: string; name: string } | { ok: false; message: string };

/**
 * `insert` is the roster's INSERT (any condition it has sits in the statement; it returns the row it added);
 * `notice` words what the person is told, with mail links on `origin`; `refusal` words why no row went in.
 */
export async function addPersonByEmail(opts: {
  eventId: string;
  email: string;
  origin: string;
  insert: (person: Person) => BatchItem<"sqlite">;
  notice: (person: Person, event: RosterEvent) => Omit<Notice, "to" | "eventId">;
  refusal: (person: Person) => Promise<string> | string;
  /** What to do when no account has the address (by default: ask them to sign up first). */
  noAccount?: string;
}): Promise<AddPersonResult> {
  const [found] = await db
    .select({ id: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, opts.email));
  if (!found) return { ok: false, message: opts.noAccount ?? "No account has this email. Ask them to sign up first." };
  // Read before the write: an address only ever goes from unconfirmed to confirmed (ADR 028).
  const confirmed = canBeAddedToRoster({ name: found.name, emailVerified: found.emailVerifiedAt !== null });
  if (!confirmed.ok) return { ok: false, message: confirmed.reason };
  const person: Person = { id: found.id, name: found.name, email: found.email };
  const [event] = await db
    .select({ id: events.id, title: events.title, slug: events.slug, phase: events.phase })
    .from(events)
    .where(eq(events.id, opts.eventId));
  if (!event) return { ok: false, message: "This event no longer exists." };
  const told = await notifyStatementsIfChanged([{ to: person, eventId: event.id, ...opts.notice(person, event) }], opts.origin);
  const [added] = (await db.batch([opts.insert(person), ...told])) as [unknown[], ...unknown[]];
  if (added.length === 0) return { ok: false, message: await opts.refusal(person) };
  return { ok: true, userId: person.id, name: person.name };
}
