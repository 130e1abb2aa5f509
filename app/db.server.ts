import { LibsqlError } from "@libsql/client";
import { openDatabase } from "#db/client";
import { env } from "~/env.server";

const globalForDb = globalThis as unknown as { __pfDb?: ReturnType<typeof openDatabase> };

// One client per process; reused across dev-server reloads.
const opened = (globalForDb.__pfDb ??= openDatabase(env().databaseUrl, env().databaseAuthToken));

export const db = opened.db;
export const dbClient = opened.client;

/**
 * A query built once per process and then run with its values, given through `sql.placeholder` (ADR 064). Building a
 * drizzle query's SQL costs more than running it for the small queries every page makes; pages that make several paid
 * for it on every request: `const unread = preparedQuery(() => db.select()….prepare())`, then `unread().all({ … })`.
 */
export function preparedQuery<Query>(build: () => Query): () => Query {
  let query: Query | undefined;
  return () => (query ??= build());
}

/**
 * preparedQuery for a query with optional parts (which filters it has, say): each shape is built once. A value must
 * never be part of the shape, or every value would build its own query.
 */
export function preparedQueries<Shape extends string, Query>(build: (shape: Shape) => Query): (shape: Shape) => Query {
  const built = new Map<Shape, Query>();
  return (shape) => {
    let query = built.get(shape);
    if (query === undefined) built.set(shape, (query = build(shape)));
    return query;
  };
}

/** Whether a write failed on a unique index (or primary key): a name or address someone else holds. */
export function isUniqueViolation(e: unknown): boolean {
  const text = e instanceof LibsqlError ? `${e.code} ${e.message}` : String(e);
  if (/UNIQUE|PRIMARY KEY|CONSTRAINT/.test(text) && /unique|primary/i.test(text)) return true;
  // drizzle wraps a single statement's error ("Failed query: …"), with the driver's as its cause.
  const cause = (e as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== e && isUniqueViolation(cause);
}
