import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { OutcomeBadge } from "~/components/badges";
import { ConfirmStep } from "~/components/confirm-step";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField } from "~/components/forms";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse, readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { absoluteUrl } from "~/lib/urls.server";
import { canChangeTeam, canEditEntry, canLeadTeam, canViewTeam } from "~/modules/auth/permissions";
import { getTeamEntry } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { listProblems } from "~/modules/problems/problems.server";
import {
  allowRejoin,
  changeProblem,
  getTeam,
  handOverLead,
  leaveTeam,
  listMembers,
  listRemovedMembers,
  newTeamInviteCode,
  removeMember,
} from "~/modules/teams/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} · Problem First` }];

const problemChangeSchema = z.object({ problemId: z.string({ error: "Pick a problem" }).min(1, "Pick a problem").max(100) });

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
  const lead = canLeadTeam(user, access, { id: team.id, leadId: team.createdBy }, now).ok;
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    team: { id: team.id, name: team.name, inviteCode: team.inviteCode, problemId: team.problemId, problemTitle: team.problemTitle, leadId: team.createdBy },
    members,
    removed: lead ? await listRemovedMembers(team.id) : [],
    problems: problems.filter((p) => !p.retired || p.id === team.problemId).map((p) => ({ value: p.id, label: p.title })),
    entry: entry ? { id: entry.id, title: entry.title, status: entry.status, outcome: entry.outcome } : null,
    inviteUrl: isMember ? absoluteUrl(request, `/join?code=${team.inviteCode}`) : null,
    me: user.id,
    can: {
      edit: edit.ok,
      change: canChangeTeam(user, access, team.id, now).ok,
      lead,
    },
    editRefusal: edit.ok ? null : edit.reason,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access, team } = await loadTeam(request, params);
  const now = new Date();
  // Organizers may look at a team; only its members change it, and only while submissions are open.
  enforce(canChangeTeam(user, access, team.id, now));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const here = `/events/${event.slug}/teams/${team.id}`;
  const leadOnly = () => enforce(canLeadTeam(user, access, { id: team.id, leadId: team.createdBy }, now));

  switch (intent) {
    case "change-problem": {
      const submission = parseForm(formData, { schema: problemChangeSchema });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      const changed = await changeProblem(event.id, team.id, submission.value.problemId);
      if (!changed.ok) return data({ result: submission.reply({ fieldErrors: { problemId: [changed.message] } }) }, { status: 400 });
      return redirectWithToast(here, "Problem changed.");
    }
    case "leave": {
      const left = await leaveTeam(team, user.id, readConfirmation(formData));
      if (!left.ok && "confirm" in left) return data({ confirmLeave: left.confirm }, { status: 409 });
      if (!left.ok) return data({ error: left.message }, { status: 400 });
      return redirectWithToast(`/events/${event.slug}`, left.teamDeleted ? "You left; the team and its entry were deleted." : `You left ${team.name}.`);
    }
    case "remove-member": {
      leadOnly();
      const done = await removeMember(team, String(formData.get("userId") ?? ""), readConfirmation(formData));
      if (!done.ok && "confirm" in done) return data({ confirmRemoveMember: done.confirm }, { status: 409 });
      if (!done.ok) return data({ error: done.message }, { status: 400 });
      return redirectWithToast(here, "Member removed. The invite link changed, so the old one no longer works.");
    }
    case "hand-over": {
      leadOnly();
      const done = await handOverLead(team.id, String(formData.get("userId") ?? ""));
      if (!done.ok) return data({ error: done.message }, { status: 400 });
      return redirectWithToast(here, "Lead handed over.");
    }
    case "new-invite-code": {
      leadOnly();
      await newTeamInviteCode(team.id);
      return redirectWithToast(here, "New invite link made. The old link no longer works.");
    }
    case "allow-rejoin": {
      leadOnly();
      const done = await allowRejoin(team.id, String(formData.get("userId") ?? ""));
      if (!done.ok) return data({ error: done.message }, { status: 400 });
      return redirectWithToast(here, "They can join again with the current invite link.");
    }
    default:
      return unknownIntent(intent);
  }
}

type LeaveFacts = Extract<NonNullable<Awaited<ReturnType<typeof leaveTeam>>>, { confirm: unknown }>["confirm"];

function ConfirmLeave({ facts }: { facts: LeaveFacts }) {
  if (!facts.deletesTeam) {
    return (
      <ConfirmStep
        className="mt-4"
        question={`Leave ${facts.teamName}? You lose access to the team and its entry, and the invite link changes: you can come back only with the new one.`}
        fields={{ intent: "leave" }}
        confirmLabel="Leave the team for good"
        keepLabel="Stay in the team"
      />
    );
  }
  const entry = facts.entryTitle
    ? `its ${facts.entrySubmitted ? "submitted" : "draft"} entry “${facts.entryTitle}”`
    : `its ${facts.entrySubmitted ? "submitted" : "draft"} entry`;
  const shots = facts.screenshots ? ` and its ${facts.screenshots === 1 ? "screenshot" : `${facts.screenshots} screenshots`}` : "";
  return (
    <ConfirmStep
      className="mt-4"
      question={`Delete ${facts.teamName}? You are its only member: leaving deletes the team, ${entry}${shots}. This cannot be undone.`}
      fields={{ intent: "leave" }}
      typed={{
        label: `Type the team's name, ${facts.teamName}, to confirm`,
        error: facts.typedWrong ? `That is not the team's name. Type ${facts.teamName} exactly.` : null,
      }}
      confirmLabel={`Delete ${facts.teamName} for good`}
      keepLabel="Keep the team"
    />
  );
}

export default function TeamPage() {
  const { event, team, members, removed, problems, entry, inviteUrl, me, can, editRefusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [problemForm, problemFields] = useForm({
    id: "change-problem",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: { problemId: team.problemId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: problemChangeSchema }),
  });
  const soleMember = members.length === 1;
  const confirmLeave = actionData && "confirmLeave" in actionData ? actionData.confirmLeave : null;
  const confirmRemoveMember = actionData && "confirmRemoveMember" in actionData ? actionData.confirmRemoveMember : null;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">{team.name}</h1>
      <FormErrors errors={actionData && "error" in actionData ? [actionData.error] : null} />
      <section aria-labelledby="problem-h" className="card space-y-3">
        <h2 id="problem-h" className="h2">
          Problem
        </h2>
        <p>
          <Link to={`/events/${event.slug}/problems/${team.problemId}`}>{team.problemTitle}</Link>
        </p>
        {can.change && problems.length > 1 ? (
          <Form method="post" {...getFormProps(problemForm)} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="change-problem" />
            <SelectField label="Change the problem" meta={problemFields.problemId} options={problems} className="min-w-64" />
            <button type="submit" className="btn-secondary">
              Change problem
            </button>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="members-h" className="card">
        <h2 id="members-h" className="h2">
          Members ({members.length} of at most {event.maxTeamSize})
        </h2>
        <ul className="mt-2 space-y-2">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <span>
                {m.name} <span className="text-sm text-slate-600">({m.email})</span>
              </span>
              {m.id === team.leadId ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-900">Lead</span> : null}
              {can.lead && m.id !== me ? (
                <Form method="post" className="flex gap-2">
                  <input type="hidden" name="userId" value={m.id} />
                  <button type="submit" name="intent" value="hand-over" className="btn-secondary px-2 py-1 text-xs" aria-label={`Make ${m.name} the lead`}>
                    Make lead
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="remove-member"
                    className="btn-danger px-2 py-1 text-xs"
                    aria-label={`Remove ${m.name} from the team`}
                  >
                    Remove
                  </button>
                </Form>
              ) : null}
              {confirmRemoveMember?.userId === m.id ? (
                <ConfirmStep
                  className="basis-full"
                  question={`Remove ${m.name} from ${team.name}? They lose access to the team and its entry at once, the invite link changes, and they cannot rejoin until you let them back in.`}
                  fields={{ intent: "remove-member", userId: m.id }}
                  confirmLabel={`Remove ${m.name} for good`}
                  keepLabel={`Keep ${m.name}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {inviteUrl ? (
          <div className="mt-4">
            <label htmlFor="invite-url" className="label">
              Invite link for teammates
            </label>
            <input id="invite-url" readOnly value={inviteUrl} className="input mt-1 font-mono" onFocus={(e) => e.currentTarget.select()} />
            <p className="hint">Invite code: {team.inviteCode}</p>
            {can.lead ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-900">New invite link</summary>
                <Form method="post" className="mt-2 space-y-2">
                  <p className="text-sm text-slate-700">
                    The current link and code stop working at once. Share the new link with everyone you still want to invite.
                  </p>
                  <button type="submit" name="intent" value="new-invite-code" className="btn-secondary">
                    Replace the invite link
                  </button>
                </Form>
              </details>
            ) : null}
          </div>
        ) : null}
        {removed.length ? (
          <div className="mt-4">
            <h3 className="text-sm font-semibold">Removed from the team</h3>
            <p className="hint">They cannot rejoin, even with a new invite link, until you let them back in.</p>
            <ul className="mt-2 space-y-2">
              {removed.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {m.name} <span className="text-sm text-slate-600">({m.email})</span>
                  </span>
                  <Form method="post">
                    <input type="hidden" name="userId" value={m.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="allow-rejoin"
                      className="btn-secondary px-2 py-1 text-xs"
                      aria-label={`Let ${m.name} rejoin the team`}
                    >
                      Let rejoin
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {can.change && confirmLeave ? (
          <ConfirmLeave facts={confirmLeave} />
        ) : can.change && (me !== team.leadId || soleMember) ? (
          <Form method="post" className="mt-4">
            <button type="submit" name="intent" value="leave" className="btn-danger">
              {soleMember ? "Leave and delete the team" : "Leave the team"}
            </button>
            {soleMember ? <p className="hint">You are the only member: leaving deletes the team and its entry.</p> : null}
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="entry-h" className="card">
        <h2 id="entry-h" className="h2">
          Entry
        </h2>
        {entry ? (
          <div className="mt-2 space-y-3">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{entry.title || "Untitled entry"}</span>
              <OutcomeBadge outcome={entry.outcome} />
              <span className="text-sm text-slate-700">{entry.status === "submitted" ? "Submitted" : "Draft, not submitted yet"}</span>
            </p>
            <p className="flex flex-wrap gap-2">
              {can.edit ? (
                <Link to={`/events/${event.slug}/teams/${team.id}/entry`} className="btn-primary">
                  {entry.status === "submitted" ? "Edit entry" : "Work on the entry"}
                </Link>
              ) : null}
              <Link to={`/events/${event.slug}/entries/${entry.id}`} className="btn-secondary">
                View entry page
              </Link>
            </p>
            {editRefusal ? <p className="text-sm text-slate-700">The entry is read-only. {editRefusal}</p> : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
