import { enforce, invariantResponse } from "~/lib/http.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canViewEvent } from "~/modules/auth/permissions";
import { loadEventAccess } from "./events.server";

/** Every event route starts here: a signed-in user who may see this event. */
export async function requireEventAccess(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const found = slug ? await loadEventAccess({ slug }, user.id) : null;
  invariantResponse(found, "Event not found", 404);
  enforce(canViewEvent(user, found.access));
  return { user, ...found };
}
