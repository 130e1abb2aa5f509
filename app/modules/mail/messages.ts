// The words of each mail, as pure functions of what happened; links are absolute and built by the caller on APP_URL.
import type { EventPhase } from "#db/enums";
import type { MailContent } from "./template";
import { possessive } from "~/lib/possessive";

export function passwordResetMail(input: { name: string; resetUrl: string; validMinutes: number }): MailContent {
  return {
    kind: "password-reset",
    subject: "Reset your Problem First password",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Someone asked to reset the password of your Problem First account. The link below works once, for ${input.validMinutes} minutes.`,
      "Setting a new password signs you out everywhere else.",
    ],
    action: { label: "Choose a new password", url: input.resetUrl },
    note: "If you did not ask for this, ignore this email: your password stays as it is.",
  };
}

export function organizerAddedMail(input: { name: string; eventTitle: string; manageUrl: string }): MailContent {
  return {
    kind: "organizer-added",
    subject: `You are now an organizer of ${input.eventTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `You were added as a co-organizer of ${input.eventTitle}. You can edit the event, its problems and rubric, invite judges and move it through its phases.`,
    ],
    action: { label: "Manage the event", url: input.manageUrl },
  };
}

/**
 * What a judge just added can do with their queue, by the event's phase: score now or later (nobody joins the judges
 * of an event whose results are published: joinJudgesStatement).
 */
export function judgeQueueWords(phase: EventPhase): string {
  if (phase === "judging") return "Judging is under way: your queue of entries to score is open.";
  return "Your queue of entries to score opens when judging starts.";
}

/** `url`: the judge's queue while judging is under way, otherwise the event page. */
export function judgeAddedMail(input: { name: string; eventTitle: string; phase: EventPhase; url: string }): MailContent {
  return {
    kind: "judge-added",
    subject: `You are a judge of ${input.eventTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`You were added as a judge of ${input.eventTitle}. ${judgeQueueWords(input.phase)}`],
    action: input.phase === "judging" ? { label: "Open your judging queue", url: input.url } : { label: "Open the event", url: input.url },
  };
}

/** Added to the final round's judges once it started (ADR 038): they score every finalist, from their queue. */
export function finalJudgeAddedMail(input: { name: string; eventTitle: string; finalists: number; queueUrl: string }): MailContent {
  return {
    kind: "judge-added",
    subject: `You are a judge of the final round of ${input.eventTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `You were added as a judge of the final round of ${input.eventTitle}, which has started. Every final round judge scores every finalist: your queue lists the ${input.finalists === 1 ? "finalist" : `${input.finalists} finalists`}.`,
    ],
    action: { label: "Open your judging queue", url: input.queueUrl },
  };
}

export function emailVerificationMail(input: { name: string; verifyUrl: string; validHours: number }): MailContent {
  return {
    kind: "email-verification",
    subject: "Confirm your email for Problem First",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Someone created a Problem First account with this address. Confirm it is yours with the link below; it works once, for ${input.validHours} hours.`,
      "Until then you can sign in and browse, but not join a team or be added as a judge or organizer.",
    ],
    action: { label: "Confirm my email", url: input.verifyUrl },
    note: "If you did not sign up, ignore this email: the address stays unconfirmed.",
  };
}

export function emailChangeMail(input: { name: string; newEmail: string; confirmUrl: string; validHours: number }): MailContent {
  return {
    kind: "email-change",
    subject: "Confirm your new email for Problem First",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Someone signed in to your Problem First account asked to change its email address to ${input.newEmail}. Open the link below to make the change; it works once, for ${input.validHours} hours.`,
      "Until then the account keeps its old address, for signing in and for mail.",
    ],
    action: { label: "Change my email address", url: input.confirmUrl },
    note: "If you did not ask for this, ignore this email: nothing changes.",
  };
}

export function emailChangeNoticeMail(input: { name: string; newEmail: string; resetUrl: string }): MailContent {
  return {
    kind: "email-change",
    subject: "Your Problem First email address is being changed",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Someone signed in to your Problem First account asked to change its email address to ${input.newEmail}. The change happens only when the link mailed to that address is opened.`,
      "If it was you, there is nothing to do here.",
    ],
    action: { label: "Not you? Choose a new password", url: input.resetUrl },
    note: "Choosing a new password signs everyone else out of your account and cancels the change.",
  };
}

export function signUpAttemptMail(input: { name: string; signInUrl: string; resetUrl: string }): MailContent {
  return {
    kind: "sign-up-attempt",
    subject: "Someone tried to sign up with your email",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      "Someone tried to create a Problem First account with this address, which already has one. No new account was made.",
      `If it was you, sign in instead: ${input.signInUrl}`,
    ],
    action: { label: "Forgot your password? Choose a new one", url: input.resetUrl },
    note: "If it was not you, nothing changed: your account and password stay as they are.",
  };
}

// ——— Event notices (judge invites, judging, teams, entries, results) ———

export function judgeInvitedMail(input: { inviterName: string; eventTitle: string; inviteUrl: string; validUntil: string }): MailContent {
  return {
    kind: "judge-invited",
    subject: `You are invited to judge ${input.eventTitle}`,
    greeting: "Hello,",
    paragraphs: [
      `${input.inviterName} invites you to judge the entries of ${input.eventTitle} on Problem First. Judges score entries against the event's rubric.`,
      `Open the link, sign up (or sign in) with any account, and accept. The link works until ${input.validUntil}, for one person.`,
    ],
    action: { label: "Accept the invitation", url: input.inviteUrl },
    note: "If you do not want to judge, ignore this email.",
  };
}

/** What judges are told when judging opens: its start, or a reopen after publishing (of the final round, when it ran). */
export function judgingOpenedWords(eventTitle: string, opts: { again: boolean; finalRound: boolean }) {
  const what = opts.finalRound ? `The final round of ${eventTitle}` : `Judging of ${eventTitle}`;
  return {
    title: `${what} is open${opts.again ? " again" : ""}`,
    body: `Your queue lists the ${opts.finalRound ? "finalists" : "entries"} you score.`,
    paragraph: opts.again
      ? `${what} is open again: the published results are withdrawn while the organizers revise them.`
      : `Judging of ${eventTitle} has started.`,
  };
}

export function judgingOpenedMail(input: { name: string; eventTitle: string; queueUrl: string; again?: boolean; finalRound?: boolean }): MailContent {
  const words = judgingOpenedWords(input.eventTitle, { again: input.again ?? false, finalRound: input.finalRound ?? false });
  return {
    kind: "judging-opened",
    subject: words.title,
    greeting: `Hello ${input.name},`,
    paragraphs: [`${words.paragraph} ${words.body}`],
    action: { label: "Open your judging queue", url: input.queueUrl },
  };
}

/** What a final round judge's queue holds: the finalists minus those they declared a conflict with. */
export function finalistsQueued(queued: number): string {
  if (queued === 0) return "Your queue lists no finalist: you declared a conflict with each of them.";
  return `Your queue lists the ${queued === 1 ? "finalist" : `${queued} finalists`} you score.`;
}

/** The final round started (ADR 038): same kind as "judging opened", so the same email choice applies. */
export function finalRoundOpenedMail(input: { name: string; eventTitle: string; finalists: number; queueUrl: string }): MailContent {
  return {
    kind: "judging-opened",
    subject: `The final round of ${input.eventTitle} is open`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`The final round of ${input.eventTitle} has started and you are one of its judges. ${finalistsQueued(input.finalists)}`],
    action: { label: "Open your judging queue", url: input.queueUrl },
  };
}

export function teamJoinedMail(input: { name: string; joinerName: string; teamName: string; eventTitle: string; teamUrl: string }): MailContent {
  return {
    kind: "team-joined",
    subject: `${input.joinerName} joined ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`${input.joinerName} joined your team ${input.teamName} in ${input.eventTitle}.`],
    action: { label: "Open the team", url: input.teamUrl },
  };
}

export function memberRemovedMail(input: { name: string; removedName: string; teamName: string; eventTitle: string; url: string; you: boolean }): MailContent {
  return {
    kind: "team-member-removed",
    subject: input.you ? `You were removed from ${input.teamName}` : `${input.removedName} was removed from ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: input.you
      ? [`The team lead removed you from ${input.teamName} in ${input.eventTitle}. You can join another team, or ask the lead to let you back in.`]
      : [`The team lead removed ${input.removedName} from your team ${input.teamName} in ${input.eventTitle}. The team's invite link changed.`],
    action: { label: input.you ? "Open the event" : "Open the team", url: input.url },
  };
}

export function leadChangedMail(input: { name: string; leadName: string; teamName: string; eventTitle: string; teamUrl: string; you: boolean }): MailContent {
  return {
    kind: "team-lead-changed",
    subject: input.you ? `You now lead ${input.teamName}` : `${input.leadName} now leads ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      input.you
        ? `The lead of ${input.teamName} in ${input.eventTitle} was handed over to you. You can now manage its members and invite link.`
        : `The lead of your team ${input.teamName} in ${input.eventTitle} was handed over to ${input.leadName}.`,
    ],
    action: { label: "Open the team", url: input.teamUrl },
  };
}

export function teamInviteMail(input: { name: string; leadName: string; teamName: string; eventTitle: string; joinUrl: string }): MailContent {
  return {
    kind: "team-invite",
    subject: `${input.leadName} invites you to join ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.leadName} read your "looking for a team" post in ${input.eventTitle} and invites you to join their team ${input.teamName}.`,
      "The Find a team page shows the invitation with the team's problem: join there, or say no thanks. Nothing happens if you do neither.",
    ],
    action: { label: "See the invitation", url: input.joinUrl },
  };
}

export function joinRequestReceivedMail(input: {
  name: string;
  askerName: string;
  teamName: string;
  eventTitle: string;
  message: string;
  requestsUrl: string;
}): MailContent {
  return {
    kind: "join-request-received",
    subject: `${input.askerName} asks to join ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.askerName} asks to join your team ${input.teamName} in ${input.eventTitle}.`,
      ...(input.message ? [`Their note: ${input.message}`] : []),
      "Accept or decline on the event's Find a team page; they see your answer there.",
    ],
    action: { label: "Answer the request", url: input.requestsUrl },
  };
}

export function joinRequestAcceptedMail(input: { name: string; teamName: string; eventTitle: string; teamUrl: string }): MailContent {
  return {
    kind: "join-request-accepted",
    subject: `You joined ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`The lead of ${input.teamName} accepted your request: you are now a member of the team in ${input.eventTitle}.`],
    action: { label: "Open your team", url: input.teamUrl },
  };
}

export function joinRequestDeclinedMail(input: { name: string; teamName: string; eventTitle: string; canAskAgain: boolean; findTeamUrl: string }): MailContent {
  return {
    kind: "join-request-declined",
    subject: `Your request to join ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `The lead of ${input.teamName} declined your request to join the team in ${input.eventTitle}.`,
      input.canAskAgain
        ? "You can ask this team once more, or ask another team that is looking for members."
        : "Other teams looking for members, and people looking for a team, are on the event's Find a team page.",
    ],
    action: { label: "Find a team", url: input.findTeamUrl },
  };
}

export function joinRequestWithdrawnMail(input: { name: string; askerName: string; teamName: string; eventTitle: string; requestsUrl: string }): MailContent {
  return {
    kind: "join-request-withdrawn",
    subject: `${input.askerName} withdrew their request to join ${input.teamName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.askerName} withdrew their request to join your team ${input.teamName} in ${input.eventTitle}, so nothing waits for your answer from them.`,
    ],
    action: { label: "See your team's requests", url: input.requestsUrl },
  };
}

export function teamDeletedMail(input: { name: string; teamName: string; eventTitle: string; invited: boolean; findTeamUrl: string }): MailContent {
  return {
    kind: "team-deleted",
    subject: `${input.teamName} no longer exists`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.teamName} in ${input.eventTitle} was deleted by its last member, and ${input.invited ? "its invitation to you" : "your request to join it"} with it.`,
      "Other teams looking for members, and people looking for a team, are on the event's Find a team page.",
    ],
    action: { label: "Find a team", url: input.findTeamUrl },
  };
}

export function entrySubmittedMail(input: { name: string; teamName: string; eventTitle: string; entryTitle: string; teamUrl: string }): MailContent {
  return {
    kind: "entry-submitted",
    subject: `${possessive(input.teamName)} entry is submitted`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Your team ${input.teamName} submitted its entry "${input.entryTitle}" to ${input.eventTitle}.`,
      "Team members can still edit it until the submission deadline.",
    ],
    action: { label: "Open the team", url: input.teamUrl },
  };
}

/** Judging started while the team's entry was still a draft: it was not submitted, so it is not judged. */
export function draftLeftOutMail(input: { name: string; teamName: string; eventTitle: string; entryUrl: string }): MailContent {
  return {
    kind: "submissions-closed",
    subject: `Submissions to ${input.eventTitle} are closed`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`Judging of ${input.eventTitle} has started, so submissions are closed.`, `${draftLeftOutWords(input.teamName)} Your team can still read it.`],
    action: { label: "Open your team's entry", url: input.entryUrl },
  };
}

/** Submissions reopened after judging started (judging → open): what each team member and each judge is told. */
export const submissionsReopenedWords = {
  team: (teamName: string, until: string) => `${teamName} can change and submit its entry again until ${until}.`,
  judge: (until: string) => `Submissions are open again until ${until}. Your score sheets are kept; your queue opens again when judging starts.`,
};

export function submissionsReopenedMail(
  input: { name: string; eventTitle: string; until: string } & ({ teamName: string; entryUrl: string } | { queueUrl: string }),
): MailContent {
  const team = "teamName" in input;
  return {
    kind: "submissions-reopened",
    subject: team ? `Submissions to ${input.eventTitle} are open again` : `Judging of ${input.eventTitle} is paused`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `The organizers of ${input.eventTitle} reopened submissions after judging had started.`,
      team ? submissionsReopenedWords.team(input.teamName, input.until) : submissionsReopenedWords.judge(input.until),
    ],
    action: team ? { label: "Open your team's entry", url: input.entryUrl } : { label: "Open your judging queue", url: input.queueUrl },
  };
}

/** The in-app notice and the mail say the same. */
export const draftLeftOutWords = (teamName: string) => `The entry of ${teamName} was still a draft: it was not submitted and is not judged.`;

export function resultsPublishedMail(input: { name: string; teamName: string; eventTitle: string; url: string; hasFeedback: boolean }): MailContent {
  return {
    kind: "results-published",
    subject: `Results of ${input.eventTitle} are published`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      input.hasFeedback
        ? `The results of ${input.eventTitle} are published. The judges' scores and feedback on ${possessive(input.teamName)} entry are on its page.`
        : `The results of ${input.eventTitle} are published. ${input.teamName} did not submit an entry, so there is no feedback for it.`,
    ],
    action: { label: input.hasFeedback ? "Read your feedback" : "See the results", url: input.url },
  };
}

/** A published event reopened for judging: its results and feedback are gone from its pages until published again. */
export function resultsWithdrawnMail(input: { name: string; eventTitle: string; url: string }): MailContent {
  return {
    kind: "results-published",
    subject: `Results of ${input.eventTitle} are being revised`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `The organizers reopened ${input.eventTitle} for judging, so its results and the judges' feedback are not shown until they are published again. You will be told when they are.`,
    ],
    action: { label: "See the event", url: input.url },
  };
}

export function awardWonMail(input: { name: string; teamName: string; eventTitle: string; awardName: string; entryUrl: string }): MailContent {
  return {
    kind: "award-won",
    subject: `${input.teamName} won ${input.awardName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`Congratulations: your team ${input.teamName} won the award "${input.awardName}" in ${input.eventTitle}.`],
    action: { label: "Open your entry", url: input.entryUrl },
  };
}

export function announcementMail(input: {
  name: string;
  eventTitle: string;
  title: string;
  paragraphs: string[];
  eventUrl: string;
  audience: string;
}): MailContent {
  // `audience` ends in a preposition: "the judges of", "everyone in".
  return {
    kind: "announcement",
    subject: `${input.eventTitle}: ${input.title}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`The organizers of ${input.eventTitle} announce: ${input.title}`, ...input.paragraphs],
    action: { label: "Read it on the event page", url: input.eventUrl },
    note: `Sent to ${input.audience} ${input.eventTitle}.`,
  };
}

export function deadlineReminderMail(input: {
  name: string;
  eventTitle: string;
  teamName: string;
  closes: string;
  left: string;
  entryUrl: string;
}): MailContent {
  return {
    kind: "deadline-reminder",
    subject: `Submissions for ${input.eventTitle} close ${input.left}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `The entry of ${input.teamName} is not submitted yet. Submissions for ${input.eventTitle} close ${input.closes}.`,
      "A failed attempt with its post-mortem is a full entry: submit what you have, and you can keep editing it until the deadline.",
    ],
    action: { label: "Open your entry", url: input.entryUrl },
    note: "You get this because your team's entry is still a draft.",
  };
}

export function judgeReminderMail(input: { name: string; eventTitle: string; left: number; assigned: number; ends: string; queueUrl: string }): MailContent {
  return {
    kind: "judge-reminder",
    subject: `${input.left} score ${input.left === 1 ? "sheet" : "sheets"} left to finish in ${input.eventTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.left} of your ${input.assigned} score ${input.assigned === 1 ? "sheet" : "sheets"} ${input.left === 1 ? "is" : "are"} not finished yet. Judging of ${input.eventTitle} ends ${input.ends}.`,
    ],
    action: { label: "Open your judging queue", url: input.queueUrl },
    note: "You get this because you are a judge of this event.",
  };
}

export function followUpAskMail(input: {
  name: string;
  eventTitle: string;
  entryTitle: string;
  teamName: string;
  since: string;
  followUpUrl: string;
}): MailContent {
  return {
    kind: "follow-up-ask",
    subject: `${input.since} after ${input.eventTitle}: what became of ${input.entryTitle}?`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.eventTitle} closed ${input.since} ago. What happened to ${input.entryTitle} by ${input.teamName} since: adopted in production, piloted, parked or dropped? And why?`,
      "A minute is enough: the answer and the AI metric's value today go into the archive, so the next team to try this problem knows how it went.",
    ],
    action: { label: "Record what happened", url: input.followUpUrl },
    note: "You get this because you were in the team of this entry, or own the problem it took on.",
  };
}
