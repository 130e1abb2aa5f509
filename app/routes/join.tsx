import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canJoinTeam } from "~/modules/auth/permissions";
import { loadEventAccess } from "~/modules/events/events.server";
import { inviteCodeReply, lookUpInviteCode, UNKNOWN_CODE_MESSAGE } from "~/modules/teams/invite-code.server";
import { joinSchema } from "~/modules/teams/schemas";
import { findTeamByCode, joinRefusal, joinTeam } from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Join a team");

/** The invite link is /join?code=XXXXXXXX: it shows the team and asks to confirm. */
async function resolveInvite(request: Request, rawCode: FormDataEntryValue | null) {
  const user = await requireUser(request);
  const parsed = joinSchema.safeParse({ code: rawCode ?? "" });
  invariantResponse(parsed.success, parsed.success ? "" : parsed.error.issues[0].message, 400);
  const team = await findTeamByCode(parsed.data.code);
  invariantResponse(team, "No team has this invite code. Check it with whoever sent it.", 404);
  const found = await loadEventAccess({ id: team.eventId }, user.id);
  invariantResponse(found, "Event not found", 404);
  return { user, team, ...found, code: parsed.data.code };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  // A mistyped code gets the code field back with the reason next to it, not an error page.
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return { found: false as const, reply: undefined };
  const lookup = await lookUpInviteCode(typed);
  if (!lookup.ok) return data({ found: false as const, reply: inviteCodeReply(lookup) }, { status: 404 });
  const { user, team, event, access, code } = await resolveInvite(request, lookup.code);
  const decision = canJoinTeam(user, access, new Date());
  if (!decision.ok && decision.status === 404) enforce(decision);
  const refusal = decision.ok ? await joinRefusal(team.id, user.id, event.maxTeamSize) : decision.reason;
  return {
    found: true as const,
    team: { name: team.name, problemTitle: team.problemTitle },
    event: { slug: event.slug, title: event.title },
    code,
    refusal,
    alreadyHere: access.teamId === team.id,
    teamId: team.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const sent = (await request.formData()).get("code");
  // The team's code changed since the page was opened (a member left or was removed, or the lead replaced the link):
  // said beside the button, not an error page in its place.
  const lookup = await lookUpInviteCode(typeof sent === "string" ? sent : "");
  if (!lookup.ok && lookup.message === UNKNOWN_CODE_MESSAGE) return data({ error: CODE_CHANGED }, { status: 404 });
  if (!lookup.ok) return data({ error: lookup.message }, { status: 400 });
  const { user, team, event, access } = await resolveInvite(request, lookup.code);
  // Refused since the page was opened (joined another team in another tab, the deadline passed, made a judge): said
  // beside the button, as a full team is; an event this person may not see stays an error page.
  const decision = canJoinTeam(user, access, new Date());
  if (!decision.ok && decision.status === 404) enforce(decision);
  if (!decision.ok) return data({ error: decision.reason }, { status: decision.status });
  const joined = await joinTeam(team, user.id, event.maxTeamSize, appOrigin(request));
  if (!joined.ok) return data({ error: joined.message }, { status: 409 });
  return redirectWithToast(`/events/${event.slug}/teams/${team.id}`, `You joined ${team.name}.`);
}

const CODE_CHANGED =
  "This invite link stopped working since you opened it: the team's code changes when a member leaves, or when the lead replaces the link. Ask the team for the new one.";

export default function Join() {
  const page = useLoaderData<typeof loader>();
  return page.found ? <JoinTeam {...page} /> : <FindTeam reply={page.reply} />;
}

function FindTeam({ reply }: { reply?: ReturnType<typeof inviteCodeReply> }) {
  const [form, fields] = useForm({ id: "find-team", lastResult: reply });
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">Join a team</h1>
      <Form method="get" {...getFormProps(form)} className="card mt-6 space-y-3">
        <Field label="Invite code" meta={fields.code} autoComplete="off" />
        <button type="submit" className="btn-primary">
          Find team
        </button>
      </Form>
    </div>
  );
}

function JoinTeam({ team, event, code, refusal, alreadyHere, teamId }: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { found: true }>) {
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">Join {team.name}</h1>
      <div className="card mt-6 space-y-3">
        <p>
          Event: <Link to={`/events/${event.slug}`}>{event.title}</Link>
        </p>
        <p>Problem: {team.problemTitle}</p>
        {alreadyHere ? (
          <p>
            You are already in this team. <Link to={`/events/${event.slug}/teams/${teamId}`}>Go to the team</Link>
          </p>
        ) : refusal ? (
          <p role="alert" className="text-red-800">
            {refusal}
          </p>
        ) : (
          <Form method="post" className="space-y-3">
            <FormErrors errors={actionData?.error ? [actionData.error] : null} />
            <input type="hidden" name="code" value={code} />
            <button type="submit" className="btn-primary">
              Join team
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
