// The words of each mail, as pure functions of what happened; links are absolute and built by the caller on APP_URL.
import type { MailContent } from "./template";

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

export function judgeAddedMail(input: { name: string; eventTitle: string; eventUrl: string }): MailContent {
  return {
    kind: "judge-added",
    subject: `You are a judge of ${input.eventTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`You were added as a judge of ${input.eventTitle}. Your queue of entries to score opens when judging starts.`],
    action: { label: "Open the event", url: input.eventUrl },
  };
}
