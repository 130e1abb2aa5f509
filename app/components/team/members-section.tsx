import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { FormErrors } from "~/components/forms";
import type { LeaveFacts } from "~/modules/teams/teams.server";

type Person = { id: string; name: string; email: string };

/** The team's members with the lead's tools (make lead, remove, a new invite link, let a removed person back) and leaving. */
export function MembersSection({
  team,
  maxTeamSize,
  members,
  removed,
  inviteUrl,
  me,
  can,
  confirmLeave,
  confirmRemoveMember,
  confirmHandOver,
  error,
}: {
  team: { name: string; inviteCode: string; leadId: string };
  maxTeamSize: number;
  members: Person[];
  removed: Person[];
  inviteUrl: string | null;
  me: string;
  can: { change: boolean; lead: boolean };
  confirmLeave: LeaveFacts | null;
  confirmRemoveMember: { userId: string; name: string } | null;
  confirmHandOver: { userId: string; name: string } | null;
  /** A member's step refused (the team changed since the page was opened): said above the members as they are now. */
  error: string | null;
}) {
  const soleMember = members.length === 1;
  return (
    <section aria-labelledby="members-h" className="card">
      <h2 id="members-h" className="h2">
        Members ({members.length} of at most {maxTeamSize})
      </h2>
      {error ? (
        <div className="mt-2">
          <FormErrors errors={[error]} />
        </div>
      ) : null}
      <ul className="mt-2 space-y-2">
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-2">
            <span>
              <Link to={`/people/${m.id}`}>{m.name}</Link> <span className="text-sm text-slate-600">({m.email})</span>
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
            {confirmHandOver?.userId === m.id ? (
              <ConfirmStep
                className="basis-full"
                question={`Make ${m.name} the lead of ${team.name}? They can then remove members and make new invite links, and only they can hand the lead back to you.`}
                fields={{ intent: "hand-over", userId: m.id }}
                confirmLabel={`Yes, make ${m.name} the lead`}
                keepLabel="Stay the lead"
              />
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
      ) : can.change && me === team.leadId ? (
        <p className="hint mt-4">To leave the team, first make another member the lead (“Make lead” beside their name).</p>
      ) : null}
    </section>
  );
}

/** Who else the deletion touches: people waiting on a request to join the team, or on its invitation. */
const waitingWords = (waiting: number) =>
  waiting === 0
    ? ""
    : ` ${waiting === 1 ? "One person waits" : `${waiting} people wait`} on a request to join it or an invitation from it: ${waiting === 1 ? "they are" : "they are all"} told it was deleted.`;

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
  const state = facts.entrySubmitted ? "submitted" : "draft";
  const lost = ["the team", facts.entryTitle ? `its ${state} entry “${facts.entryTitle}”` : `its untitled ${state} entry`];
  if (facts.screenshots) lost.push(`its ${facts.screenshots === 1 ? "screenshot" : `${facts.screenshots} screenshots`}`);
  return (
    <ConfirmStep
      className="mt-4"
      question={`Delete ${facts.teamName}? You are its only member: leaving deletes ${lost.slice(0, -1).join(", ")} and ${lost.at(-1)}.${waitingWords(facts.waiting)} This cannot be undone.`}
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
