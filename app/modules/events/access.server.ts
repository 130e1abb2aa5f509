import { redirect } from "@remix-run/node";
import { enforce, invariantResponse } from "~/lib/http.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canViewEvent } from "~/modules/auth/permissions";
import { eventIdOfPreviousSlug, loadEventAccess } from "./events.server";

/**
 * Every event route starts here: a signed-in user who may see this event. A slug the event had before its organizers
 * changed it still leads to it (ADR 062): a page is sent to the same page at the new address, and a form posted from a
 * page opened before the change is handled as if posted to the new one, so nothing typed into it is lost.
 */
export async function requireEventAccess(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  let found = slug ? await loadEventAccess({ slug }, user.id) : null;
  const previousOf = !found && slug ? await eventIdOfPreviousSlug(slug) : null;
  if (previousOf) found = await loadEventAccess({ id: previousOf }, user.id);
  invariantResponse(found, "Event not found", 404);
  enforce(canViewEvent(user, found.access));
  if (previousOf && (request.method === "GET" || request.method === "HEAD")) throw redirect(atNewAddress(request.url, found.event.slug));
  return { user, ...found };
}

/** The same path and query with the event's path segment (/events/<slug>/…) replaced. */
function atNewAddress(url: string, slug: string): string {
  const { pathname, search } = new URL(url);
  const parts = pathname.split("/");
  parts[2] = slug;
  return parts.join("/") + search;
}
