// The words of the reminder mails, as pure functions; links are absolute and built by the caller on APP_URL.
// Same shape as mail/messages.ts, rendered by mail/template.ts.
import type { MailContent } from "~/modules/mail/template";

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
      `${input.left} of your ${input.assigned} score ${input.assigned === 1 ? "sheet is" : "sheets are"} not finished yet. Judging of ${input.eventTitle} ends ${input.ends}.`,
    ],
    action: { label: "Open your judging queue", url: input.queueUrl },
    note: "You get this because you are a judge of this event.",
  };
}
