import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { getOptionalUser, requireUser } from "~/modules/auth/guards.server";
import { canTakePart } from "~/modules/auth/permissions";
import { loadEventAccess } from "~/modules/events/events.server";
import { acceptJudgeInvite, findJudgeInvite, JUDGE_IN_TEAM_MESSAGE } from "~/modules/events/judge-invites.server";
import { asRound } from "~/modules/judging/rounds";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Judge invite");

const invalid = "This judge invite link is not valid: it may have expired, been revoked or been used. Ask the organizer for a new one.";
const ENDED = "Judging of this event has ended: its results are published, so this invite can no longer be accepted.";

// The link itself is the permission: whoever holds a valid one may become a judge of its event. Someone
// signed out (often invited by email before they had an account) is offered sign-up or sign-in, both coming
// back here (ADR 027).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const invite = await findJudgeInvite(params.token ?? "", user?.id ?? null);
  invariantResponse(invite, invalid, 404);
  const back = encodeURIComponent(new URL(request.url).pathname);
  const shown = { slug: invite.slug, title: invite.title, phase: invite.phase, alreadyJudge: invite.alreadyJudge, finalRound: invite.finalRound };
  // Results published: nobody joins the judges any more (joinJudgesStatement), so nobody is asked to sign up for it.
  const ended = invite.phase === "closed" && !invite.alreadyJudge ? ENDED : null;
  if (!user) return { invite: shown, refusal: ended, signIn: ended ? null : { signUp: `/signup?redirectTo=${back}`, signIn: `/login?redirectTo=${back}` } };
  const takePart = canTakePart(user);
  // An emailed invite names its address when someone else opens it: the link still works (whoever holds it may accept,
  // as a forwarded invite should), but they should know which account becomes the judge.
  const sentTo = invite.email && invite.email.toLowerCase() !== user.email.toLowerCase() ? { invited: invite.email, signedIn: user.email } : null;
  return {
    invite: { ...shown, sentTo },
    refusal: invite.alreadyJudge ? null : (ended ?? (!takePart.ok ? takePart.reason : invite.inTeam ? JUDGE_IN_TEAM_MESSAGE : null)),
    signIn: null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  enforce(canTakePart(user));
  const accepted = await acceptJudgeInvite(params.token ?? "", user.id);
  if (!accepted.ok && accepted.reason === "in-team") return data({ error: JUDGE_IN_TEAM_MESSAGE }, { status: 409 });
  if (!accepted.ok && accepted.reason === "ended") return data({ error: ENDED }, { status: 409 });
  invariantResponse(accepted.ok, invalid, 404);
  const found = await loadEventAccess({ id: accepted.eventId }, user.id);
  invariantResponse(found, invalid, 404);
  // A draft is visible only to its organizers: the new judge sees it once it opens.
  if (found.event.phase === "draft") return redirectWithToast("/", `You are now a judge of ${found.event.title}. You can see it once it opens.`);
  // Once the final round started, the link made them a judge of it (ADR 038).
  const of = asRound(found.event.judgingRound) === 2 ? `the final round of ${found.event.title}` : found.event.title;
  return redirectWithToast(`/events/${found.event.slug}`, `You are now a judge of ${of}.`);
}

export default function JudgeInvite() {
  const { invite, refusal, signIn } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>()?.error ?? refusal;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">Judge {invite.title}</h1>
      {signIn ? (
        <div className="card mt-6 space-y-4">
          <p>
            You were invited to judge {invite.finalRound ? `the finalists of ${invite.title} in its final round` : `the entries of ${invite.title}`}. Sign up
            (or sign in if you have an account), then come back to this page to accept: the links below bring you back here.
          </p>
          <p className="flex flex-wrap gap-3">
            <Link to={signIn.signUp} className="btn-primary">
              Sign up to accept
            </Link>
            <Link to={signIn.signIn} className="btn-secondary">
              Sign in to accept
            </Link>
          </p>
        </div>
      ) : invite.alreadyJudge ? (
        <p className="mt-4">
          You are already a judge of {invite.finalRound ? "this event's final round" : "this event"}.{" "}
          {invite.phase === "draft" ? "You can see it once it opens." : <Link to={`/events/${invite.slug}`}>Go to the event</Link>}
        </p>
      ) : error ? (
        <p role="alert" className="card mt-6 text-red-800">
          {error}
        </p>
      ) : (
        <Form method="post" className="card mt-6 space-y-4">
          {invite.finalRound ? (
            <p>
              You were invited to judge the final round of {invite.title}. Every final round judge scores every finalist against the final round&rsquo;s rubric.
            </p>
          ) : (
            <p>
              You were invited to judge the entries of {invite.title}. Judges score entries against the event's rubric; a judge never scores an entry of their
              own team.
            </p>
          )}
          {"sentTo" in invite && invite.sentTo ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              This invite was sent to {invite.sentTo.invited}. You are signed in as {invite.sentTo.signedIn}: accepting makes this account the judge.
            </p>
          ) : null}
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
