// Suggestions for the archive's search box as a person types (words and learnings). A resource route:
// JSON only, for anyone signed in, like the archive itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { archiveCache } from "~/modules/archive/cache.server";
import { archiveSuggestions } from "~/modules/archive/suggest.server";
import { requireUser } from "~/modules/auth/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json({ suggestions: await archiveSuggestions(await archiveCache(), q) });
}
