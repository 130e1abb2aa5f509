import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { Field, FormErrors } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { canAsk, canAskAfterEnding, statusWords, type JoinRequestStatus } from "~/modules/teams/join-requests";
import { NotSent } from "./not-sent";
import { RequestStatus } from "./request-status";
import { possessive } from "~/lib/possessive";

const check = lazySchemas(() => import("~/modules/teams/schemas"));

type MyRequest = { id: string; teamId: string; teamName: string; status: JoinRequestStatus; asks: number };

/** The person's requests to join, with what became of each; a pending one can be withdrawn (asking first). */
/** The invitations standing for someone in no team: joining or "No thanks", without the team's code. */
export function MyInvitations({
  invitations,
  ended,
  error,
}: {
  invitations: { teamId: string; teamName: string; problemTitle: string; leadName: string | null; memberCount: number }[];
  /** Why the invitation whose notice led here no longer stands (ADR 068), or null. */
  ended: string | null;
  error: { teamId: string; message: string } | null;
}) {
  // A refusal of an invitation the page no longer lists (without JavaScript the page is read again) is said at the top.
  const unlisted = error && !invitations.some((i) => i.teamId === error.teamId) ? error.message : null;
  if (invitations.length === 0 && !ended && !unlisted) return null;
  return (
    <section id="invitations" aria-labelledby="invitations-h" className="card scroll-mt-4">
      <h2 id="invitations-h" className="h2">
        Invitations to join a team
      </h2>
      {ended ? (
        <p role="status" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {ended}
        </p>
      ) : null}
      {unlisted ? (
        <p role="alert" className="field-error mt-2">
          {unlisted}
        </p>
      ) : null}
      {invitations.length ? (
        <ul className="mt-2 space-y-3">
          {invitations.map((i) => (
            <li key={i.teamId}>
              <p>
                {i.leadName ?? "Its lead"} invites you to join <span className="font-semibold">{i.teamName}</span> ({i.problemTitle};{" "}
                {i.memberCount === 1 ? "1 member" : `${i.memberCount} members`}).
              </p>
              {error?.teamId === i.teamId ? (
                <p role="alert" className="field-error">
                  {error.message}
                </p>
              ) : null}
              <Form method="post" className="mt-2 flex flex-wrap gap-2">
                <input type="hidden" name="teamId" value={i.teamId} />
                <button type="submit" name="intent" value="accept-invite" className="btn-primary px-3 py-1 text-sm">
                  Join {i.teamName}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="decline-invite"
                  className="btn-secondary px-3 py-1 text-sm"
                  aria-label={`No thanks to ${i.teamName}`}
                >
                  No thanks
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function MyRequests({
  requests,
  confirm,
  requestError,
}: {
  requests: MyRequest[];
  confirm: { requestId: string; teamName: string } | null;
  requestError: { requestId: string; message: string } | null;
}) {
  const unlisted = requestError && !requests.some((r) => r.id === requestError.requestId) ? requestError.message : null;
  if (requests.length === 0 && !unlisted) return null;
  return (
    <section id="my-requests" aria-labelledby="my-requests-h" className="card scroll-mt-4">
      <h2 id="my-requests-h" className="h2">
        Your requests to join
      </h2>
      {unlisted ? (
        <p role="alert" className="field-error mt-2">
          {unlisted}
        </p>
      ) : null}
      <ul className="mt-2 space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{r.teamName}</span>
            <RequestStatus status={r.status} />
            <span className="text-sm text-slate-700">{statusWords[r.status].asker}</span>
            {requestError?.requestId === r.id ? (
              <p role="alert" className="field-error basis-full">
                {requestError.message}
              </p>
            ) : null}
            {r.status === "pending" && confirm?.requestId === r.id ? (
              <ConfirmStep
                className="basis-full"
                question={`Withdraw your request to join ${r.teamName}? Its lead is told, and ${canAskAfterEnding(r.asks) ? "you can ask this team again only once" : "you cannot ask this team again"}.`}
                fields={{ intent: "withdraw", requestId: r.id }}
                confirmLabel="Withdraw my request"
                keepLabel="Keep my request"
              />
            ) : r.status === "pending" ? (
              <Form method="post">
                <input type="hidden" name="requestId" value={r.id} />
                <button
                  type="submit"
                  name="intent"
                  value="withdraw"
                  className="btn-secondary px-2 py-1 text-xs"
                  aria-label={`Withdraw your request to ${r.teamName}`}
                >
                  Withdraw
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type OpenTeam = { id: string; name: string; problemTitle: string; leadName: string; needs: string; memberCount: number };

/** Teams looking for members; a person who may ask sees "Ask to join" (or "Ask again", once) on each. */
export function OpenTeams({
  slug,
  maxTeamSize,
  teams,
  requests,
  myTeamId,
  canAsk: mayAsk,
  askResult,
}: {
  slug: string;
  maxTeamSize: number;
  teams: OpenTeam[];
  requests: MyRequest[];
  myTeamId: string | null;
  canAsk: boolean;
  askResult: { teamId: string; result: SubmissionResult<string[]> | undefined } | null;
}) {
  const askable = (t: OpenTeam) => mayAsk && t.memberCount < maxTeamSize && t.id !== myTeamId && canAsk(requests.find((r) => r.teamId === t.id) ?? null);
  const unlisted = askResult?.result && !teams.some((t) => t.id === askResult.teamId && askable(t)) ? askResult.result : null;
  return (
    <section aria-labelledby="open-teams-h">
      <h2 id="open-teams-h" className="h2">
        Teams looking for members
      </h2>
      {unlisted ? <NotSent refused="Your request to join was not sent" result={unlisted} field="message" /> : null}
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No team is looking for members yet.</p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {teams.map((t) => {
            const request = requests.find((r) => r.teamId === t.id) ?? null;
            const full = t.memberCount >= maxTeamSize;
            return (
              <li key={t.id} className="card space-y-2">
                <h3 className="text-base font-semibold">{t.id === myTeamId ? <Link to={`/events/${slug}/teams/${t.id}`}>{t.name}</Link> : t.name}</h3>
                <p className="text-sm text-slate-700">
                  {t.problemTitle} · led by {t.leadName} · {t.memberCount} of {maxTeamSize} {full ? "(full)" : ""}
                </p>
                <p className="text-sm">
                  <span className="font-semibold">Needs:</span> {t.needs}
                </p>
                {request ? (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    Your request: <RequestStatus status={request.status} />
                  </p>
                ) : null}
                {askable(t) ? <AskForm team={t} again={request !== null} lastResult={askResult?.teamId === t.id ? askResult.result : undefined} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AskForm({ team, again, lastResult }: { team: { id: string; name: string }; again: boolean; lastResult: SubmissionResult<string[]> | undefined }) {
  const label = again ? "Ask again (once)" : "Ask to join";
  // Pressed twice, the second request was refused as a repeat and hid that the first one went through.
  const sending = useNavigation().formData;
  const busy = sending?.get("intent") === "ask" && sending.get("teamId") === team.id;
  const [form, fields] = useForm({
    id: `ask-${team.id}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.askSchema),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="ask" />
      <input type="hidden" name="teamId" value={team.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={`A note to ${possessive(team.name)} lead (optional)`} meta={fields.message} />
      <FormErrors errors={fields.teamId.errors} />
      <button type="submit" className="btn-primary" aria-label={`${label}: ${team.name}`} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

type Seeker = { userId: string; name: string; skills: string; problemTitle: string | null };

/** People of the event looking for a team (a post disappears when its person joins one). */
export function Seekers({
  seekers,
  me,
  invites,
  inviteError,
}: {
  seekers: Seeker[];
  me: string;
  /** For a lead whose team has room: its name, whom it invited already, who said no thanks, and whose request waits. */
  invites: { teamName: string; invited: string[]; declined: string[]; removed: string[]; asking: string[] } | null;
  inviteError: { userId: string; message: string } | null;
}) {
  return (
    <section aria-labelledby="seekers-h">
      <h2 id="seekers-h" className="h2">
        People looking for a team
      </h2>
      {seekers.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nobody has posted yet.</p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {seekers.map((s) => (
            <li key={s.userId} className="card">
              <Link to={`/people/${s.userId}`} className="font-semibold">
                {s.name}
              </Link>
              {s.userId === me ? <span className="ml-1 text-xs text-slate-600"> (you)</span> : null}
              <p className="mt-1 text-sm text-slate-800 break-words">{s.skills}</p>
              <p className="mt-1 text-xs text-slate-600">{s.problemTitle ? `Would like: ${s.problemTitle}` : "Any problem"}</p>
              {invites && s.userId !== me ? (
                invites.removed.includes(s.userId) ? (
                  <p className="mt-2 text-sm text-slate-700">You removed them from {invites.teamName}: “Let rejoin” on your team's page comes first.</p>
                ) : invites.invited.includes(s.userId) ? (
                  <p className="mt-2 text-sm text-slate-700">Invited to {invites.teamName}: joining is their choice.</p>
                ) : invites.declined.includes(s.userId) ? (
                  <p className="mt-2 text-sm text-slate-700">Said no thanks to {invites.teamName}.</p>
                ) : invites.asking.includes(s.userId) ? (
                  <p className="mt-2 text-sm text-slate-700">Asked to join {invites.teamName}: answer the request above.</p>
                ) : (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="userId" value={s.userId} />
                    <button
                      type="submit"
                      name="intent"
                      value="invite"
                      className="btn-secondary px-2 py-1 text-xs"
                      aria-label={`Invite ${s.name} to ${invites.teamName}`}
                    >
                      Invite to {invites.teamName}
                    </button>
                  </Form>
                )
              ) : null}
              {inviteError?.userId === s.userId ? (
                <p role="alert" className="field-error mt-1">
                  {inviteError.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
