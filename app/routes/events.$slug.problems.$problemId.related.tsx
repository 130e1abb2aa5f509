// "Have we tried this before?" for what a team is typing: the entry form asks as its title and approach
// change (debounced). A resource route: JSON only, for anyone who may see the problem.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse } from "~/lib/http.server";
import { relatedLearnings, relatedSearchText } from "~/modules/archive/search.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { getProblem } from "~/modules/problems/problems.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params.slug);
  const problem = await getProblem(event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  const typed = new URL(request.url).searchParams.get("text") ?? "";
  return Response.json({ related: await relatedLearnings(relatedSearchText(problem, typed), problem.id) });
}
