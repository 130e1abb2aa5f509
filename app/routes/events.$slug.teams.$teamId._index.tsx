import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { Field, SelectField } from "~/components/forms";
import { EntrySection as EntrySectionOnServer } from "~/components/team/entry-section";
import { MembersSection } from "~/components/team/members-section";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse, readIntent, unknownIntent } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { absoluteUrl, appOrigin } from "~/lib/urls.server";
import { canChangeTeam, canEditEntry, canLeadTeam, canViewTeam, submissionsOpen } from "~/modules/auth/permissions";
import { getTeamEntry } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { listProblems } from "~/modules/problems/problems.server";
import { problemChangeSchema, teamRenameSchema } from "~/modules/teams/schemas";
import {
  allowRejoin,
  changeProblem,
  getTeam,
  handOverLead,
  leaveTeam,
  listMembers,
  listRemovedMembers,
  newTeamInviteCode,
  NO_LONGER_LEAD,
  removeMember,
  renameTeam,
} from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

// The entry's state (with its outcome badge) is rendered in place by the server; in the browser its code arrives
// after the page's, and React keeps its HTML until it has (ADR 043). Only a literal `import.meta.env.SSR` drops the
// static import from the browser's bundle.
const EntrySection = import.meta.env.SSR
  ? EntrySectionOnServer
  : lazyPart(
      () => import("~/components/team/entry-section"),
      (m) => m.EntrySection,
    );

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `${data?.team.name ?? "Team"} · ${data?.event.title ?? "Event"}`);

const check = lazySchemas(() => import("~/modules/teams/schemas"));

async function loadTeam(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  const team = await getTeam(ctx.event.id, params.teamId ?? "");
  invariantResponse(team, "Team not found", 404);
  enforce(canViewTeam(ctx.user, ctx.access, team.id));
  return { ...ctx, team };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access, team } = await loadTeam(request, params);
  const now = new Date();
  const [members, entry, problems] = await Promise.all([listMembers(team.id), getTeamEntry(team.id), listProblems(event.id)]);
  const edit = canEditEntry(user, access, team.id, now);
  const isMember = access.teamId === team.id;
  const lead = canLeadTeam(user, access, { id: team.id, leadId: team.leadId }, now).ok;
  const change = canChangeTeam(user, access, team.id, now).ok;
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    team: { id: team.id, name: team.name, inviteCode: team.inviteCode, problemId: team.problemId, problemTitle: team.problemTitle, leadId: team.leadId },
    members,
    removed: lead ? await listRemovedMembers(team.id) : [],
    problems: problems.filter((p) => !p.retired || p.id === team.problemId).map((p) => ({ value: p.id, label: p.title })),
    // closed: submissions are over, so a draft stays one ("never submitted", not "not submitted yet").
    entry: entry ? { id: entry.id, title: entry.title, status: entry.status, outcome: entry.outcome, closed: !submissionsOpen(access, now).ok } : null,
    // Offered only while the team can still take members: once submissions close, joining is refused.
    inviteUrl: isMember && change ? absoluteUrl(request, `/join?code=${team.inviteCode}`) : null,
    me: user.id,
    can: {
      edit: edit.ok,
      change,
      lead,
    },
    editRefusal: edit.ok ? null : edit.reason,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access, team } = await loadTeam(request, params);
  const now = new Date();
  const formData = await request.formData();
  const intent = readIntent(formData);
  // Organizers may look at a team; only its members change it, and only while submissions are open. A member's new
  // name typed as submissions closed is refused beside the field, which keeps it (ADR 060).
  const change = canChangeTeam(user, access, team.id, now);
  if (!change.ok && intent === "rename" && access.teamId === team.id) {
    const submission = parseForm(formData, { schema: teamRenameSchema });
    return data({ renameResult: submission.reply({ fieldErrors: { name: [change.reason] } }) }, { status: change.status });
  }
  enforce(change);
  const here = `/events/${event.slug}/teams/${team.id}`;
  // A lead's step from a page read before the lead was handed over: said beside the members, which are read again.
  const notLead = () => {
    const may = canLeadTeam(user, access, { id: team.id, leadId: team.leadId }, now);
    return may.ok ? null : data({ memberError: `${may.reason} The lead was handed over since this page was opened.` }, { status: may.status });
  };

  switch (intent) {
    case "rename": {
      const submission = parseForm(formData, { schema: teamRenameSchema });
      if (submission.status !== "success") return data({ renameResult: submission.reply() }, { status: 400 });
      const renamed = await renameTeam(event.id, team.id, submission.value.name);
      if (!renamed.ok) return data({ renameResult: submission.reply({ fieldErrors: { name: [renamed.message] } }) }, { status: renamed.closed ? 403 : 400 });
      return redirectWithToast(here, `The team is now called ${submission.value.name}.`);
    }
    case "change-problem": {
      const submission = parseForm(formData, { schema: problemChangeSchema });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      const changed = await changeProblem(event.id, team.id, submission.value.problemId, readConfirmation(formData));
      if (!changed.ok && "confirm" in changed) return data({ confirmChangeProblem: changed.confirm }, { status: 409 });
      if (!changed.ok) return data({ result: submission.reply({ fieldErrors: { problemId: [changed.message] } }), problemsChanged: true }, { status: 400 });
      // A press of "Change problem" with the team's own problem still picked changes nothing, and says so.
      return redirectWithToast(here, changed.changed ? "Problem changed." : `Your team already works on “${team.problemTitle}”: nothing changed.`);
    }
    case "leave": {
      const left = await leaveTeam(team, user.id, readConfirmation(formData), appOrigin(request));
      if (!left.ok && "confirm" in left) return data({ confirmLeave: left.confirm }, { status: 409 });
      if (!left.ok) return data({ memberError: left.message }, { status: 400 });
      return redirectWithToast(`/events/${event.slug}`, left.teamDeleted ? "You left; the team and its entry were deleted." : `You left ${team.name}.`);
    }
    case "remove-member": {
      const refused = notLead();
      if (refused) return refused;
      const done = await removeMember(team, String(formData.get("userId") ?? ""), readConfirmation(formData), appOrigin(request));
      if (!done.ok && "confirm" in done) return data({ confirmRemoveMember: done.confirm }, { status: 409 });
      if (!done.ok) return data({ memberError: done.message }, { status: 400 });
      return redirectWithToast(here, "Member removed. The invite link changed, so the old one no longer works.");
    }
    case "hand-over": {
      const refused = notLead();
      if (refused) return refused;
      const done = await handOverLead(team.id, String(formData.get("userId") ?? ""), readConfirmation(formData), appOrigin(request), team.leadId);
      if (!done.ok && "confirm" in done) return data({ confirmHandOver: done.confirm }, { status: 409 });
      if (!done.ok) return data({ memberError: done.message }, { status: 400 });
      return redirectWithToast(here, "Lead handed over.");
    }
    case "new-invite-code": {
      const refused = notLead();
      if (refused) return refused;
      if (!(await newTeamInviteCode(team.id, team.leadId))) return data({ memberError: NO_LONGER_LEAD }, { status: 400 });
      return redirectWithToast(here, "New invite link made. The old link no longer works.");
    }
    case "allow-rejoin": {
      const refused = notLead();
      if (refused) return refused;
      const done = await allowRejoin(team.id, String(formData.get("userId") ?? ""), team.leadId);
      if (!done.ok) return data({ memberError: done.message }, { status: 400 });
      return redirectWithToast(here, "They can join again with the current invite link.");
    }
    default:
      return unknownIntent(intent);
  }
}

// A member's step refused because the team changed since the page was opened (someone left, joined, or took the lead)
// reads the team again, as a page without JavaScript does: the message stays beside the members as they are now. So does
// a problem retired since the page was opened: the list of problems is read again, without it.
// Other 4xx answers read nothing again, as Remix does without this function (with single fetch, Remix passes
// `defaultShouldRevalidate: true` to a route's own function, so it is not used here).
const MEMBER_INTENTS = ["leave", "remove-member", "hand-over", "allow-rejoin", "new-invite-code"];
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, actionResult, formData }) =>
  actionStatus === undefined ||
  actionStatus < 400 ||
  ((actionStatus === 400 || actionStatus === 403) && MEMBER_INTENTS.includes(String(formData?.get("intent")))) ||
  (actionStatus === 400 && actionResult?.problemsChanged === true);

export default function TeamPage() {
  const { event, team, members, removed, problems, entry, inviteUrl, me, can, editRefusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [problemForm, problemFields] = useForm({
    id: "change-problem",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: { problemId: team.problemId },
    onValidate: ({ formData }) => check(formData, (s) => s.problemChangeSchema),
  });
  const renameResult = actionData && "renameResult" in actionData ? actionData.renameResult : undefined;
  const [renameForm, renameFields] = useForm({
    id: "rename-team",
    lastResult: renameResult,
    defaultValue: { name: team.name },
    onValidate: ({ formData }) => check(formData, (s) => s.teamRenameSchema),
  });
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">{team.name}</h1>
      {can.change ? (
        <details key={team.name} open={renameResult ? true : undefined}>
          <summary className="cursor-pointer text-sm text-brand-700 underline underline-offset-2">Rename the team</summary>
          <Form method="post" {...getFormProps(renameForm)} className="mt-2 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="rename" />
            <Field label="Team name" meta={renameFields.name} className="min-w-64" hint="Shown on the entry, the results and in the archive." />
            <button type="submit" className="btn-secondary">
              Rename
            </button>
          </Form>
        </details>
      ) : null}
      <section aria-labelledby="problem-h" className="card space-y-3">
        <h2 id="problem-h" className="h2">
          Problem
        </h2>
        <p>
          <Link to={`/events/${event.slug}/problems/${team.problemId}`}>{team.problemTitle}</Link>
        </p>
        {/* Shown while it says why a change was refused, also when that left no other problem to move to. */}
        {can.change && (problems.length > 1 || problemFields.problemId.errors) ? (
          <Form method="post" {...getFormProps(problemForm)} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="change-problem" />
            <SelectField label="Change the problem" meta={problemFields.problemId} options={problems} className="min-w-64" />
            <button type="submit" className="btn-secondary">
              Change problem
            </button>
          </Form>
        ) : null}
        {actionData && "confirmChangeProblem" in actionData ? (
          <ConfirmStep
            question={`Move your submitted entry “${actionData.confirmChangeProblem.entryTitle || "Untitled entry"}” to “${actionData.confirmChangeProblem.to}”? Its AI metric, approach and answers were written for “${actionData.confirmChangeProblem.from}”: check them on the entry form afterwards.`}
            fields={{ intent: "change-problem", problemId: actionData.confirmChangeProblem.problemId }}
            confirmLabel="Yes, change the problem"
            keepLabel={`Keep “${actionData.confirmChangeProblem.from}”`}
          />
        ) : null}
      </section>
      <MembersSection
        team={team}
        maxTeamSize={event.maxTeamSize}
        members={members}
        removed={removed}
        inviteUrl={inviteUrl}
        me={me}
        can={can}
        confirmLeave={actionData && "confirmLeave" in actionData ? actionData.confirmLeave : null}
        confirmRemoveMember={actionData && "confirmRemoveMember" in actionData ? actionData.confirmRemoveMember : null}
        confirmHandOver={actionData && "confirmHandOver" in actionData ? actionData.confirmHandOver : null}
        error={actionData && "memberError" in actionData ? actionData.memberError : null}
      />
      <Deferred>
        <EntrySection slug={event.slug} teamId={team.id} entry={entry} canEdit={can.edit} editRefusal={editRefusal} />
      </Deferred>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
