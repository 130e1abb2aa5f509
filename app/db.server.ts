import { openDatabase } from "#db/client";
import { env } from "~/env.server";

const globalForDb = globalThis as unknown as { __pfDb?: ReturnType<typeof openDatabase> };

// One client per process; reused across dev-server reloads.
const opened = (globalForDb.__pfDb ??= openDatabase(env().databaseUrl, env().databaseAuthToken));

export const db = opened.db;
export const dbClient = opened.client;
