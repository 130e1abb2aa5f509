import type { SubmissionResult } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { useSucceededSubmissions } from "~/components/use-succeeded-submissions";
import { AssignmentSection as AssignmentSectionOnServer, RoundOneAssignments as RoundOneAssignmentsOnServer } from "~/components/judges/assignment-forms";
import { DeclaredConflicts } from "~/components/declared-conflicts";
import { JudgesHeader } from "~/components/judges/judges-header";
import { EmailInviteSection, type WithdrawFacts } from "~/components/judges/email-invite-section";
import { InviteSection as InviteSectionOnServer, type RevokeFacts } from "~/components/judges/invite-section";
import { ReminderSection as ReminderSectionOnServer } from "~/components/judges/reminder-section";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { absoluteUrl, appOrigin } from "~/lib/urls.server";
import { canChangeAssignments, canManageJudging } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { asRound, judgeOfWords } from "~/modules/judging/rounds";
import {
  addAssignment,
  listAssignments,
  previewAssignments,
  recomputeAssignments,
  removeAssignment,
  setJudgesPerEntry,
} from "~/modules/events/assignments.server";
import { JUDGING_ENDED, listJudges } from "~/modules/events/events.server";
import { eventConflicts } from "~/modules/judging/judging.server";
import {
  createJudgeInvite,
  inviteJudgeByEmail,
  judgeInviteLines,
  pendingEmailInvites,
  resendJudgeInvite,
  revokeJudgeInvite,
} from "~/modules/events/judge-invites.server";
import { assignmentSchema, inviteJudgeByEmailSchema, judgeInviteSchema, judgesPerEntrySchema } from "~/modules/events/schemas";
import { remindJudge, reminderList } from "~/modules/reminders/reminders.server";
import { remindJudgeSchema } from "~/modules/reminders/schemas";
import { pageTitle } from "~/lib/page-title";

// Every section but the header and the invitations by email is rendered in place by the server; in the browser its
// code arrives after the page's, and React keeps its HTML until it has (ADR 043): the reminders (shown only while
// judging, and downloaded only then), the invite links (the second way to invite) and the assignments (below the
// fold). Only a literal `import.meta.env.SSR` drops the static imports from the browser's bundle.
const ReminderSection = import.meta.env.SSR
  ? ReminderSectionOnServer
  : lazyPart(
      () => import("~/components/judges/reminder-section"),
      (m) => m.ReminderSection,
      { whenShown: true },
    );
const InviteSection = import.meta.env.SSR
  ? InviteSectionOnServer
  : lazyPart(
      () => import("~/components/judges/invite-section"),
      (m) => m.InviteSection,
    );
const assignmentForms = () => import("~/components/judges/assignment-forms");
const AssignmentSection = import.meta.env.SSR ? AssignmentSectionOnServer : lazyPart(assignmentForms, (m) => m.AssignmentSection);
const RoundOneAssignments = import.meta.env.SSR ? RoundOneAssignmentsOnServer : lazyPart(assignmentForms, (m) => m.RoundOneAssignments);

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Judges of ${data?.event.title ?? "event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const round = asRound(event.judgingRound);
  // Once the final round started, round 1's assignments are its record: shown, never changed.
  const assign = canChangeAssignments(user, access, { round });
  const [judges, roundOneJudges, invites, pending, assignments, preview, reminders, conflicts] = await Promise.all([
    // The current round's judges, whom the page adds and invites: the final round's once it started (ADR 038).
    listJudges(event.id, round),
    round === 2 ? listJudges(event.id, 1) : Promise.resolve(null),
    judgeInviteLines(event.id, event.timezone),
    pendingEmailInvites(event.id, event.timezone),
    event.judgesPerEntry === null ? Promise.resolve([]) : listAssignments(event.id),
    event.judgesPerEntry === null || !assign.ok ? Promise.resolve(null) : previewAssignments(event.id, event.judgesPerEntry),
    // Judges with unfinished sheets and their Remind button; null outside judging.
    reminderList(event, new Date()),
    eventConflicts(event.id),
  ]);
  return {
    event: { slug: event.slug, title: event.title, judgesPerEntry: event.judgesPerEntry, round },
    // Results published: nobody joins the judges any more, so the page invites nobody (joinJudgesStatement).
    judgingEnded: event.phase === "closed" ? JUDGING_ENDED : null,
    assignmentsClosed: assign.ok ? null : assign.reason,
    judges,
    roundOneJudges,
    invites,
    pending,
    assignments,
    // Entries that even a recompute could not fill: shown so the organizer can add judges.
    shortfall: preview && !preview.ok ? preview.message : null,
    reminders,
    conflicts,
  };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]>; inviteUrl?: string; expiresAt?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const back = `/events/${event.slug}/judges`;
  const invalid = (result: SubmissionResult<string[]>) => data<ActionResult>({ intent, result }, { status: 400 });
  const round = asRound(event.judgingRound);
  // Results published: nobody joins the judges (and who judges what stays as judged: canChangeAssignments).
  if (event.phase === "closed" && ["invite-by-email", "resend-invite", "create-invite"].includes(intent ?? ""))
    return redirectWithToast(back, { kind: "error", message: JUDGING_ENDED });
  // Assignments are fixed once the final round starts or results are published, maybe since the page was opened (by a
  // co-organizer): the page is read again with why, not an error page (the route's check above admits only organizers).
  const assigning = canChangeAssignments(user, access, { round });
  if (!assigning.ok && ["set-mode", "recompute", "add-assignment", "remove-assignment"].includes(intent))
    return redirectWithToast(back, { kind: "error", message: assigning.reason });

  switch (intent) {
    case "invite-by-email": {
      const submission = parseForm(formData, { schema: inviteJudgeByEmailSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const invited = await inviteJudgeByEmail({ event, email: submission.value.email, inviter: user, origin: appOrigin(request) });
      if (!invited.ok) return invalid(submission.reply({ fieldErrors: { email: [invited.message] } }));
      return redirectWithToast(
        back,
        "added" in invited
          ? `${invited.added} already has an account and is now a judge of ${judgeOfWords[invited.round]}.`
          : `Invite sent to ${invited.invited}.`,
      );
    }
    case "resend-invite": {
      const resent = await resendJudgeInvite({ event, inviteId: String(formData.get("inviteId") ?? ""), inviter: user, origin: appOrigin(request) });
      if (!resent.ok) return redirectWithToast(back, { kind: "error", message: resent.message });
      return redirectWithToast(
        back,
        resent.recent
          ? `The invite to ${resent.email} was mailed less than a minute ago, so it was not sent again: the link in that mail works.`
          : `Invite sent again to ${resent.email}, with a new link; the old one no longer works.`,
      );
    }
    case "withdraw-invite": {
      const withdrawn = await revokeJudgeInvite(event.id, String(formData.get("inviteId") ?? ""), readConfirmation(formData));
      if (!withdrawn.ok && "confirm" in withdrawn) {
        const { inviteId, createdAt, email } = withdrawn.confirm;
        const confirmWithdraw: WithdrawFacts = { inviteId, email: email ?? "", createdAt: formatInZone(createdAt, event.timezone) };
        return data({ intent, confirmWithdraw }, { status: 409 });
      }
      return withdrawn.ok
        ? redirectWithToast(back, "Invite withdrawn: its link no longer works.")
        : redirectWithToast(back, { kind: "error", message: withdrawn.message });
    }
    case "create-invite": {
      const submission = parseForm(formData, { schema: judgeInviteSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const invite = await createJudgeInvite(event.id, user.id, submission.value.days);
      // Shown once, on this response: only the token's hash is stored.
      const inviteUrl = absoluteUrl(request, `/judge-invite/${invite.token}`);
      return data<ActionResult>({
        intent,
        result: submission.reply({ resetForm: true }),
        inviteUrl,
        expiresAt: formatInZone(invite.expiresAt, event.timezone),
      });
    }
    case "revoke-invite": {
      const revoked = await revokeJudgeInvite(event.id, String(formData.get("inviteId") ?? ""), readConfirmation(formData));
      if (!revoked.ok && "confirm" in revoked) {
        const { inviteId, createdAt, createdBy, expiresAt } = revoked.confirm;
        const confirmRevoke: RevokeFacts = {
          inviteId,
          createdBy,
          createdAt: formatInZone(createdAt, event.timezone),
          expiresAt: formatInZone(expiresAt, event.timezone),
        };
        return data({ intent, confirmRevoke }, { status: 409 });
      }
      return revoked.ok
        ? redirectWithToast(back, "Invite link revoked: it no longer works.")
        : redirectWithToast(back, { kind: "error", message: revoked.message });
    }
    case "set-mode": {
      const submission = parseForm(formData, { schema: judgesPerEntrySchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const n = submission.value.mode === "all" ? null : submission.value.judgesPerEntry!;
      const saved = await setJudgesPerEntry(event, n);
      if (!saved.ok) return invalid(submission.reply({ fieldErrors: { judgesPerEntry: [saved.message] } }));
      return redirectWithToast(
        back,
        n === null ? "Every judge now scores every entry." : `Each entry now gets ${n} ${n === 1 ? "judge" : "judges"}; assignments updated.`,
      );
    }
    case "recompute": {
      const plan = await recomputeAssignments(event);
      if (!plan) return redirectWithToast(back, { kind: "error", message: "Every judge scores every entry: there is nothing to assign." });
      return redirectWithToast(back, plan.ok ? "Assignments recomputed." : { kind: "error", message: `Assignments recomputed, with gaps. ${plan.message}` });
    }
    case "add-assignment": {
      const submission = parseForm(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addAssignment(event.id, submission.value.entryId, submission.value.judgeId);
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { [added.field]: [added.message] } }));
      return redirectWithToast(back, "Judge assigned. Recomputing keeps this assignment.");
    }
    case "remove-assignment": {
      const submission = parseForm(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const removed = await removeAssignment(event.id, submission.value.entryId, submission.value.judgeId);
      if (!removed.ok) return redirectWithToast(back, { kind: "error", message: removed.message });
      return redirectWithToast(back, "Assignment removed.");
    }
    case "remind-judge": {
      const submission = parseForm(formData, { schema: remindJudgeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const reminded = await remindJudge(event, submission.value.judgeId, new Date(), appOrigin(request));
      if (!reminded.ok) return data<ActionResult>({ intent, result: submission.reply({ formErrors: [reminded.message] }) }, { status: reminded.status });
      return redirectWithToast(
        `${back}#reminders`,
        `Reminder sent to ${reminded.name}: ${reminded.left} score ${reminded.left === 1 ? "sheet" : "sheets"} left. You can remind them again in an hour.`,
      );
    }
    default:
      return unknownIntent(intent);
  }
}

const INVITE_BY_EMAIL = ["invite-by-email"] as const;

export default function EventJudges() {
  const { event, judgingEnded, assignmentsClosed, judges, roundOneJudges, invites, pending, assignments, shortfall, reminders, conflicts } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // After an invite is sent the address field starts afresh (a refused address stays, with the reason beside it).
  const invitesSent = useSucceededSubmissions(INVITE_BY_EMAIL);
  const last = answer && "result" in answer ? answer : undefined;
  const confirmRevoke = answer && "confirmRevoke" in answer ? answer.confirmRevoke : null;
  const confirmWithdraw = answer && "confirmWithdraw" in answer ? answer.confirmWithdraw : null;
  return (
    <div className="space-y-8">
      <JudgesHeader event={event} judges={judges} roundOneJudges={roundOneJudges} ended={judgingEnded} />
      <DeclaredConflicts
        slug={event.slug}
        conflicts={conflicts}
        note="A judge declares a conflict on an entry's score sheet: the entry leaves their queue and their scores on it are removed. Only the judge can withdraw it."
      />
      {reminders ? (
        <Deferred>
          <ReminderSection judges={reminders.judges} nobody={reminders.nobody} last={last} />
        </Deferred>
      ) : null}
      {/* Said in the header instead when results are published: nobody is invited then. */}
      {judgingEnded ? null : (
        <>
          <EmailInviteSection key={`email-invites-${invitesSent}`} event={event} pending={pending} last={last} confirmWithdraw={confirmWithdraw} />
          <Deferred>
            <InviteSection event={event} invites={invites} last={last} confirmRevoke={confirmRevoke} />
          </Deferred>
        </>
      )}
      <Deferred>
        {assignmentsClosed ? (
          <RoundOneAssignments event={event} assignments={assignments} closed={assignmentsClosed} />
        ) : (
          <AssignmentSection event={event} judges={judges} assignments={assignments} shortfall={shortfall} last={last} />
        )}
      </Deferred>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
