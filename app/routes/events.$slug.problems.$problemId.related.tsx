// "Have we tried this before?" for what a team is typing: the entry form asks as its title and approach
// change (debounced). A resource route: JSON only, for anyone who may see the problem, a limited number of times a
// minute per person.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse } from "~/lib/http.server";
import { relatedAsTyped } from "~/modules/archive/search.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { getProblem } from "~/modules/problems/problems.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireEventAccess(request, params.slug);
  const problem = await getProblem(event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  const answer = await relatedAsTyped(user.id, problem, new URL(request.url).searchParams.get("text") ?? "");
  // Past the limit the panel keeps what it shows (it changes nothing on an answer that is not OK).
  if (!answer.ok) return Response.json({ related: [], message: answer.message }, { status: 429, headers: { "Retry-After": String(answer.retryAfterSeconds) } });
  return Response.json({ related: answer.related });
}
