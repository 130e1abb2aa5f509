import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { MyInvitations, MyRequests, OpenTeams, Seekers } from "~/components/team-finder/lists";
import { SeekerPost as SeekerPostOnServer } from "~/components/team-finder/seeker-post";
import { TeamRecruiting as TeamRecruitingOnServer } from "~/components/team-finder/team-recruiting";
import { KeptLines } from "~/components/kept-lines";
import { readConfirmation } from "~/lib/confirm";
import { fieldsAsText } from "~/lib/kept";
import { parseForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { canAskToJoin, canJoinTeam, canRecruit, canSeekTeam, canViewEvent, canViewTeamFinder, canWithdrawJoinRequest } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { canSeeTeamRosters } from "~/modules/judging/blind.server";
import { listProblems } from "~/modules/problems/problems.server";
import { askSchema, openingSchema, requestRefSchema, seekerPostSchema } from "~/modules/teams/schemas";
import {
  acceptJoinRequest,
  askToJoin,
  declineJoinRequest,
  findJoinRequest,
  myJoinRequests,
  teamJoinRequests,
  withdrawJoinRequest,
} from "~/modules/teams/join-requests.server";
import { shownOpenTeams } from "~/modules/teams/join-requests";
import {
  acceptInvitation,
  closeOpening,
  declineInvitation,
  endedInvitation,
  inviteSeeker,
  inviteState,
  listOpenTeams,
  listSeekers,
  myInvitations,
  mySeekerPost,
  removeSeekerPost,
  saveOpening,
  saveSeekerPost,
  teamOpening,
} from "~/modules/teams/team-finder.server";
import { getTeam } from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

// Each person sees one of two forms: a team's lead its recruiting, anyone else not in a team their own post. Both are
// rendered in place by the server; in the browser only the one shown is downloaded, after the page's code, and React
// keeps its HTML until it has (ADR 043). Only a literal `import.meta.env.SSR` drops the static imports from the
// browser's bundle.
const TeamRecruiting = import.meta.env.SSR
  ? TeamRecruitingOnServer
  : lazyPart(
      () => import("~/components/team-finder/team-recruiting"),
      (m) => m.TeamRecruiting,
      { whenShown: true },
    );
const SeekerPost = import.meta.env.SSR
  ? SeekerPostOnServer
  : lazyPart(
      () => import("~/components/team-finder/seeker-post"),
      (m) => m.SeekerPost,
      { whenShown: true },
    );

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Find a team · ${data?.event.title ?? "Event"}`);

/** The page's context; `finder`, whether the page is open to this person now (the loader enforces it, the action too but for typed forms). */
async function load(request: Request, slug: string | undefined) {
  const ctx = await requireEventAccess(request, slug);
  // Someone who may not see the event gets the error page whatever they sent.
  enforce(canViewEvent(ctx.user, ctx.access));
  const finder = canViewTeamFinder(ctx.user, ctx.access);
  enforce(canSeeTeamRosters(ctx.user, ctx.access, ctx.event));
  const myTeam = ctx.access.teamId ? await getTeam(ctx.event.id, ctx.access.teamId) : null;
  return { ...ctx, finder, myTeam, now: new Date() };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access, finder, myTeam, now } = await load(request, params.slug);
  enforce(finder);
  const seek = canSeekTeam(user, access, now);
  const joining = canJoinTeam(user, access, now);
  // Opened from the notice of an invitation: the team it came from (ADR 068).
  const invitedBy = new URL(request.url).searchParams.get("invitation")?.slice(0, 40) || null;
  const leads = myTeam ? canRecruit(user, access, { id: myTeam.id, leadId: myTeam.leadId }, now).ok : false;
  const [seekers, openTeams, post, requests, problems, opening, incoming, invited, invitations] = await Promise.all([
    listSeekers(event.id),
    listOpenTeams(event.id),
    mySeekerPost(event.id, user.id),
    myJoinRequests(event.id, user.id),
    listProblems(event.id),
    myTeam && leads ? teamOpening(myTeam.id) : null,
    myTeam && leads ? teamJoinRequests({ id: myTeam.id, eventId: event.id }) : [],
    myTeam && leads ? inviteState(myTeam.id) : null,
    myTeam ? [] : myInvitations(event.id, user.id),
  ]);
  const shown = joining.ok ? invitations : [];
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    me: user.id,
    seekRefusal: seek.ok ? null : seek.reason,
    myTeam: myTeam ? { id: myTeam.id, name: myTeam.name, leads } : null,
    post,
    problems: problems.filter((p) => !p.retired).map((p) => ({ value: p.id, label: p.title })),
    seekers,
    openTeams: shownOpenTeams(
      openTeams,
      event.maxTeamSize,
      myTeam?.id ?? null,
      requests.map((r) => r.teamId),
    ),
    requests,
    opening,
    // `invited`: the team's invitation to the asker stands, which declining withdraws (the confirm step says so).
    incoming: incoming.map((r) => ({ ...r, inOtherTeam: Boolean(r.inOtherTeam), invited: invited?.invited.includes(r.userId) ?? false })),
    // A lead whose team has room may invite the people looking; each once. Someone whose request waits is answered
    // there instead.
    invites:
      invited && myTeam && invited.members < event.maxTeamSize
        ? {
            teamName: myTeam.name,
            invited: invited.invited,
            declined: invited.declined,
            removed: invited.removed,
            asking: incoming.filter((r) => r.status === "pending").map((r) => r.userId),
          }
        : null,
    // Joining through one needs what joining by code does.
    invitations: shown,
    // Why the invitation the person's notice told of no longer stands, when it does not.
    invitationEnded:
      invitedBy && !shown.some((i) => i.teamId === invitedBy) ? await endedInvitation(event.id, invitedBy, user.id, joining.ok ? null : joining.reason) : null,
  };
}

/** A typed form's refusal beside it, keeping what was typed: a post, a note to a team's lead, what a team needs. */
function typedFormRefused(intent: string, formData: FormData, refusal: { status: 403 | 404; reason: string }) {
  const init = { status: refusal.status };
  const errors = { formErrors: [refusal.reason] };
  // `kept`: the typed text as lines to copy, for the error page a browser without JavaScript shows once the page,
  // read again, is refused too (the event moved on from its open phase; ADR 060).
  const refused = (schema: Parameters<typeof parseForm>[1]["schema"], labels: Record<string, string>) => {
    const submission = parseForm(formData, { schema });
    return { result: submission.reply(errors), kept: fieldsAsText(submission.payload, labels) };
  };
  if (intent === "save-post") return data({ form: "post" as const, ...refused(seekerPostSchema, { skills: "Your skills and interests" }) }, init);
  if (intent === "save-opening") return data({ form: "opening" as const, ...refused(openingSchema, { needs: "What your team needs" }) }, init);
  if (intent === "ask") {
    const teamId = String(formData.get("teamId") ?? "").slice(0, 100);
    return data({ form: "ask" as const, teamId, ...refused(askSchema, { message: "Your note to the lead" }) }, init);
  }
  return null;
}

const GONE_TEAM = "That team no longer exists: its last member deleted it.";
const GONE_REQUEST = "That team no longer exists, and your request with it: its last member deleted it.";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access, finder, myTeam, now } = await load(request, params.slug);
  const formData = await request.formData();
  const intent = readIntent(formData);
  const here = `/events/${event.slug}/find-a-team`;
  // The event moved on since the page was opened (submissions closed, judging started): a post, a note to a lead or
  // what a team needs, typed meanwhile, comes back beside its form with the reason (ADR 060); still a 403.
  if (!finder.ok) {
    const typed = typedFormRefused(intent, formData, finder);
    if (typed) return typed;
    enforce(finder);
  }
  // The lead's intents act on the lead's own team only: the one this person is in.
  const recruiting = () => {
    enforce(canRecruit(user, access, { id: myTeam?.id ?? "", leadId: myTeam?.leadId ?? "" }, now));
    return { id: myTeam!.id, eventId: event.id, leadId: myTeam!.leadId };
  };

  switch (intent) {
    case "save-post": {
      const submission = parseForm(formData, { schema: seekerPostSchema });
      // Refused beside the form with what was typed (the person joined a team in another tab, the deadline passed),
      // not on an error page in its place; still a 403.
      const seek = canSeekTeam(user, access, now);
      if (!seek.ok) return data({ form: "post" as const, result: submission.reply({ formErrors: [seek.reason] }) }, { status: seek.status });
      if (submission.status !== "success") return data({ form: "post" as const, result: submission.reply() }, { status: 400 });
      const saved = await saveSeekerPost(event, user.id, submission.value);
      if (!saved.ok) return data({ form: "post" as const, result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 400 });
      return redirectWithToast(here, "Your post is up: teams looking for members can see it.");
    }
    case "remove-post": {
      const removed = await removeSeekerPost(event.id, user.id, readConfirmation(formData));
      if (!removed.ok) return data({ confirm: { kind: "remove-post" as const } }, { status: 409 });
      return redirectWithToast(here, "Your post was removed.");
    }
    case "ask": {
      const submission = parseForm(formData, { schema: askSchema });
      // The reply goes to the asking team's form: the id as sent, cut to an id's length. A refusal comes back there
      // with the note as typed (the team stopped looking, or the person joined a team, since the page was loaded).
      const asking = String(formData.get("teamId") ?? "").slice(0, 100);
      const refused = (decision: { status: 403 | 404; reason: string }) =>
        data({ form: "ask" as const, teamId: asking, result: submission.reply({ formErrors: [decision.reason] }) }, { status: decision.status });
      const seek = canSeekTeam(user, access, now);
      if (!seek.ok) return refused(seek);
      if (submission.status !== "success") return data({ form: "ask" as const, teamId: asking, result: submission.reply() }, { status: 400 });
      const { teamId, message } = submission.value;
      const team = await getTeam(event.id, teamId);
      if (!team)
        return data({ form: "ask" as const, teamId, result: submission.reply({ fieldErrors: { teamId: ["No such team in this event."] } }) }, { status: 400 });
      const may = canAskToJoin(user, access, { lookingForMembers: Boolean(await teamOpening(team.id)) }, now);
      if (!may.ok) return refused(may);
      const asked = await askToJoin(event, team.id, user.id, message ?? "", appOrigin(request));
      if (!asked.ok) return data({ form: "ask" as const, teamId, result: submission.reply({ formErrors: [asked.message] }) }, { status: 400 });
      return redirectWithToast(here, `Request sent to ${team.name}. Its lead's answer shows here.`);
    }
    case "withdraw": {
      const submission = parseForm(formData, { schema: requestRefSchema });
      if (submission.status !== "success") return data({ requestError: { requestId: "", message: "Pick a request." } }, { status: 400 });
      const found = await findJoinRequest(event.id, submission.value.requestId);
      // A request goes only with its team (its last member deleted it): said beside the list, not on an error page.
      if (!found) return data({ requestError: { requestId: submission.value.requestId, message: GONE_REQUEST } }, { status: 404 });
      enforce(canWithdrawJoinRequest(user, access, found));
      const done = await withdrawJoinRequest(user.id, found.id, readConfirmation(formData), appOrigin(request));
      if (!done.ok && "confirm" in done) return data({ confirm: { kind: "withdraw" as const, ...done.confirm } }, { status: 409 });
      if (!done.ok) return data({ requestError: { requestId: found.id, message: done.message } }, { status: 400 });
      return redirectWithToast(
        here,
        done.canAskAgain ? "Request withdrawn. You can ask that team again once." : "Request withdrawn. You cannot ask that team again.",
      );
    }
    case "save-opening": {
      // A member of the team whose lead was handed over, or whose submissions closed, since the page was opened: said
      // beside the form, which keeps what the team needs as typed.
      const may = canRecruit(user, access, { id: myTeam?.id ?? "", leadId: myTeam?.leadId ?? "" }, now);
      if (!may.ok && myTeam) return typedFormRefused(intent, formData, may)!;
      const team = recruiting();
      const submission = parseForm(formData, { schema: openingSchema });
      if (submission.status !== "success") return data({ form: "opening" as const, result: submission.reply() }, { status: 400 });
      const saved = await saveOpening(team, user.id, submission.value.needs);
      if (!saved.ok) return data({ form: "opening" as const, result: submission.reply({ fieldErrors: { needs: [saved.message] } }) }, { status: 400 });
      return redirectWithToast(here, "Your team is listed as looking for members.");
    }
    case "accept-invite":
    case "decline-invite": {
      const teamId = String(formData.get("teamId") ?? "").slice(0, 100);
      const team = await getTeam(event.id, teamId);
      if (!team) return data({ invitationError: { teamId, message: GONE_TEAM } }, { status: 404 });
      if (intent === "decline-invite") {
        const declined = await declineInvitation(team.id, user.id, now);
        return redirectWithToast(
          here,
          declined
            ? `You said no thanks to ${team.name}. You can still ask to join it if it is looking.`
            : { kind: "error", message: "That invitation was answered already." },
        );
      }
      const joining = canJoinTeam(user, access, now);
      if (!joining.ok) return data({ invitationError: { teamId: team.id, message: joining.reason } }, { status: joining.status });
      const joined = await acceptInvitation({ id: team.id, eventId: event.id, name: team.name }, user.id, event.maxTeamSize, appOrigin(request));
      if (!joined.ok) return data({ invitationError: { teamId: team.id, message: joined.message } }, { status: 409 });
      return redirectWithToast(`/events/${event.slug}/teams/${team.id}`, `You joined ${team.name}.`);
    }
    case "invite": {
      const team = recruiting();
      const seekerId = String(formData.get("userId") ?? "").slice(0, 100);
      const invited = await inviteSeeker(
        { id: team.id, eventId: event.id, name: myTeam!.name, maxTeamSize: event.maxTeamSize },
        user,
        seekerId,
        event,
        appOrigin(request),
        now,
      );
      if (!invited.ok) return data({ inviteError: { userId: seekerId, message: invited.message } }, { status: 409 });
      return redirectWithToast(here, `Invitation sent: ${invited.name} finds it on this page and decides.`);
    }
    case "close-opening": {
      const team = recruiting();
      await closeOpening(team.id, user.id);
      return redirectWithToast(here, "Your team is no longer listed. Requests already made can still be answered.");
    }
    case "accept":
    case "decline": {
      const team = recruiting();
      const submission = parseForm(formData, { schema: requestRefSchema });
      if (submission.status !== "success") return data({ requestError: { requestId: "", message: "Pick a request." } }, { status: 400 });
      const { requestId } = submission.value;
      if (intent === "accept") {
        const accepted = await acceptJoinRequest(team, requestId, appOrigin(request));
        if (!accepted.ok) return data({ requestError: { requestId, message: accepted.message } }, { status: 400 });
        return redirectWithToast(here, "Request accepted: they are now a member of your team.");
      }
      const declined = await declineJoinRequest(team, requestId, readConfirmation(formData), appOrigin(request));
      if (!declined.ok && "confirm" in declined) return data({ confirm: { kind: "decline" as const, ...declined.confirm } }, { status: 409 });
      if (!declined.ok) return data({ requestError: { requestId, message: declined.message } }, { status: 400 });
      return redirectWithToast(
        here,
        declined.canAskAgain ? "Request declined. They can ask your team again once." : "Request declined. They cannot ask your team again.",
      );
    }
    default:
      return unknownIntent(intent);
  }
}

export default function FindATeam() {
  const { event, me, seekRefusal, myTeam, post, problems, seekers, openTeams, requests, opening, incoming, invites, invitations, invitationEnded } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formResult = (form: "post" | "opening") => (actionData && "form" in actionData && actionData.form === form ? actionData : undefined);
  const askResult = actionData && "form" in actionData && actionData.form === "ask" ? actionData : undefined;
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const requestError = actionData && "requestError" in actionData ? actionData.requestError : null;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <div>
        <h1 className="h1">Find a team</h1>
        <p className="mt-2 max-w-prose text-slate-700">
          Say what you bring and which problem you like, or ask a team that is looking for members to let you in. Teams have at most {event.maxTeamSize} people.
        </p>
      </div>
      <MyInvitations
        invitations={invitations}
        ended={invitationEnded}
        error={actionData && "invitationError" in actionData ? actionData.invitationError : null}
      />
      {myTeam?.leads ? (
        <Deferred>
          <TeamRecruiting
            team={myTeam}
            opening={opening}
            incoming={incoming}
            lastResult={formResult("opening")?.result}
            confirm={confirm && confirm.kind === "decline" ? confirm : null}
            requestError={requestError}
          />
        </Deferred>
      ) : null}
      {myTeam ? (
        myTeam.leads ? null : (
          <p className="card text-sm text-slate-700">
            You are in <Link to={`/events/${event.slug}/teams/${myTeam.id}`}>{myTeam.name}</Link>. Its lead can list it as looking for members here.
          </p>
        )
      ) : (
        <Deferred>
          <SeekerPost
            post={post}
            problems={problems}
            refusal={seekRefusal}
            lastResult={formResult("post")?.result}
            confirmRemove={confirm?.kind === "remove-post"}
          />
        </Deferred>
      )}
      <MyRequests requests={requests} confirm={confirm && confirm.kind === "withdraw" ? confirm : null} requestError={requestError} />
      <OpenTeams
        slug={event.slug}
        maxTeamSize={event.maxTeamSize}
        teams={openTeams}
        requests={requests}
        myTeamId={myTeam?.id ?? null}
        canAsk={!seekRefusal}
        askResult={askResult ? { teamId: askResult.teamId, result: askResult.result } : null}
      />
      <Seekers seekers={seekers} me={me} invites={invites} inviteError={actionData && "inviteError" in actionData ? actionData.inviteError : null} />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <GeneralErrorBoundary />
      <KeptLines />
    </>
  );
}
