import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Portfolio } from "~/components/portfolio";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canEditPortfolio } from "~/modules/auth/permissions";
import { getProfile, portfolioFor, setPortfolioHidden } from "~/modules/portfolio/portfolio.server";
import { portfolioVisibilitySchema } from "~/modules/portfolio/schemas";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => data?.person.name ?? "Profile");

// Signed-in only; each entry shows only if the viewer may already open it (ADR 029).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = await getProfile(params.userId ?? "");
  invariantResponse(person, "Person not found", 404);
  return {
    person,
    entries: await portfolioFor(user, person.id, new Date()),
    isMe: canEditPortfolio(user, person.id).ok,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  enforce(canEditPortfolio(user, params.userId ?? ""));
  const submission = parseForm(await request.formData(), { schema: portfolioVisibilitySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent, entryId } = submission.value;
  const changed = await setPortfolioHidden(user.id, entryId, intent === "hide");
  // Not (or no longer: they left the team in another tab) one of their teams' entries: the page is read again, where it
  // is not listed, with the reason; the page shows no form error, so an answer with data would have said nothing.
  if (!changed)
    return redirectWithToast(`/people/${user.id}`, {
      kind: "error",
      message: "That entry is no longer one of your teams', so it is not on your portfolio.",
    });
  return redirectWithToast(
    `/people/${user.id}`,
    intent === "hide" ? "Hidden from your portfolio. Others no longer see it here." : "Shown on your portfolio again.",
  );
}

export default function PersonPage() {
  const { person, entries, isMe } = useLoaderData<typeof loader>();
  return <Portfolio person={person} entries={entries} isMe={isMe} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
