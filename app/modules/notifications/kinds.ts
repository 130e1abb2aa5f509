// Every kind of message the product sends, in one list: what a person sees on their preferences page, and
// whether it is security mail (always mailed, no unsubscribe link, no way to turn it off; ADR 024).

export const notificationKinds = {
  "password-reset": { label: "Password reset links", security: true },
  "email-verification": { label: "Email address confirmation", security: true },
  "sign-up-attempt": { label: "Sign-up attempts with your address", security: true },
  "email-change": { label: "Changes of your email address", security: true },
  "organizer-added": { label: "You were made a co-organizer", security: false },
  "judge-added": { label: "You were made a judge", security: false },
  "judge-invited": { label: "Invitations to judge", security: false },
  "judging-opened": { label: "Judging opened", security: false },
  "judge-reminder": { label: "Reminders of unfinished score sheets", security: false },
  "team-joined": { label: "Someone joined your team", security: false },
  "team-member-removed": { label: "Team member removed", security: false },
  "team-lead-changed": { label: "Team lead handed over", security: false },
  "team-invite": { label: "A team lead invites you to their team", security: false },
  "join-request-received": { label: "Someone asks to join your team", security: false },
  "join-request-accepted": { label: "Your request to join a team was accepted", security: false },
  "join-request-declined": { label: "Your request to join a team was declined", security: false },
  "join-request-withdrawn": { label: "Someone withdrew their request to join your team", security: false },
  "team-deleted": { label: "A team you asked to join, or were invited to, was deleted", security: false },
  "deadline-reminder": { label: "Submission deadline reminders", security: false },
  "entry-submitted": { label: "Your team's entry was submitted", security: false },
  "submissions-closed": { label: "Submissions closed while your team's entry was a draft", security: false },
  "submissions-reopened": { label: "Submissions reopened after judging started", security: false },
  "results-published": { label: "Results published", security: false },
  "award-won": { label: "Awards your team won", security: false },
  announcement: { label: "Announcements from organizers", security: false },
  "follow-up-ask": { label: "Asks to record what became of your entry after an event", security: false },
} as const satisfies Record<string, { label: string; security: boolean }>;

export type NotificationKind = keyof typeof notificationKinds;

export function isSecurityKind(kind: NotificationKind): boolean {
  return notificationKinds[kind].security;
}

/** The kinds a person may turn email off for, in the order the preferences page lists them. */
export const optionalKinds = (Object.keys(notificationKinds) as NotificationKind[]).filter((kind) => !isSecurityKind(kind));
