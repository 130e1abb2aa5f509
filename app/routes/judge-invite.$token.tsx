import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/guards.server";
import { loadEventAccess } from "~/modules/events/events.server";
import { acceptJudgeInvite, findJudgeInvite, JUDGE_IN_TEAM_MESSAGE } from "~/modules/events/judge-invites.server";

export const meta: MetaFunction = () => [{ title: "Judge invite · Problem First" }];

const invalid = "This judge invite link is not valid: it may have expired or been revoked. Ask the organizer for a new one.";

// The link itself is the permission: whoever holds a valid one may become a judge of its event.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invite = await findJudgeInvite(params.token ?? "", user.id);
  invariantResponse(invite, invalid, 404);
  return {
    invite: { slug: invite.slug, title: invite.title, phase: invite.phase, alreadyJudge: invite.alreadyJudge },
    refusal: invite.inTeam && !invite.alreadyJudge ? JUDGE_IN_TEAM_MESSAGE : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const accepted = await acceptJudgeInvite(params.token ?? "", user.id);
  if (!accepted.ok && accepted.reason === "in-team") return data({ error: JUDGE_IN_TEAM_MESSAGE }, { status: 409 });
  invariantResponse(accepted.ok, invalid, 404);
  const found = await loadEventAccess({ id: accepted.eventId }, user.id);
  invariantResponse(found, invalid, 404);
  // A draft is visible only to its organizers: the new judge sees it once it opens.
  if (found.event.phase === "draft") return redirectWithToast("/", `You are now a judge of ${found.event.title}. You can see it once it opens.`);
  return redirectWithToast(`/events/${found.event.slug}`, `You are now a judge of ${found.event.title}.`);
}

export default function JudgeInvite() {
  const { invite, refusal } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>()?.error ?? refusal;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">Judge {invite.title}</h1>
      {invite.alreadyJudge ? (
        <p className="mt-4">
          You are already a judge of this event.{" "}
          {invite.phase === "draft" ? "You can see it once it opens." : <Link to={`/events/${invite.slug}`}>Go to the event</Link>}
        </p>
      ) : error ? (
        <p role="alert" className="card mt-6 text-red-800">
          {error}
        </p>
      ) : (
        <Form method="post" className="card mt-6 space-y-4">
          <p>
            You were invited to judge the entries of {invite.title}. Judges score entries against the event's rubric; a judge never scores an entry of their own
            team.
          </p>
          <button type="submit" className="btn-primary">
            Become a judge
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
