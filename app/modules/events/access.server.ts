import { redirect } from "@remix-run/node";
import { enforce, invariantResponse } from "~/lib/http.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canViewEvent } from "~/modules/auth/permissions";
import { loadEventAccess } from "./events.server";

/** Set by server.mjs on a page's own load (a GET or HEAD of the document): the one request sent on to a new address. */
export const PAGE_LOAD_HEADER = "x-page-load";

/**
 * Every event route starts here: a signed-in user who may see this event. A slug the event had before its organizers
 * changed it still leads to it (ADR 062): a page's own load is sent to the same page at the new address; anything
 * else (a form posted from a page opened before the change, the page's data, the loaders after an action) is
 * answered at the old address as at the new one, so an action's answer and what was typed are kept.
 */
export async function requireEventAccess(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const found = slug ? await loadEventAccess({ slug }, user.id) : null;
  invariantResponse(found, "Event not found", 404);
  enforce(canViewEvent(user, found.access));
  if (found.event.slug !== slug && request.headers.get(PAGE_LOAD_HEADER) === "1") throw redirect(atNewAddress(request.url, found.event.slug));
  return { user, ...found };
}

/** The same path and query with the event's path segment (/events/<slug>/…) replaced. */
function atNewAddress(url: string, slug: string): string {
  const { pathname, search } = new URL(url);
  const parts = pathname.split("/");
  parts[2] = slug;
  return parts.join("/") + search;
}
