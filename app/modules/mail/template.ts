// One template renders both parts of every mail: the plain-text part and the HTML part say the same
// thing, so a reader on either sees every sentence and every link.

import { isSecurityKind, type NotificationKind } from "~/modules/notifications/kinds";

/** What is mailed: one of the notification kinds. Security mail always goes out, even to people who unsubscribed, and carries no unsubscribe link. */
export type MailKind = NotificationKind;

export function isSecurityMail(kind: MailKind): boolean {
  return isSecurityKind(kind);
}

export type MailContent = {
  kind: MailKind;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing the reader can do; its URL is absolute (built on APP_URL). */
  action?: { label: string; url: string };
  /** A closing line in smaller print, e.g. why they got this mail. */
  note?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Both parts of one message; `unsubscribeUrl` is null for security mail. */
export function renderMail(content: MailContent, unsubscribeUrl: string | null): RenderedMail {
  const footer = unsubscribeUrl ? `Stop these emails: ${unsubscribeUrl}` : null;
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.note ? [content.note] : []),
    ...(footer ? ["--", footer] : []),
  ].join("\n\n");

  const p = (body: string, style = "margin:0 0 16px") => `<p style="${style}">${body}</p>`;
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">`,
    p(escapeHtml(content.greeting)),
    ...content.paragraphs.map((para) => p(escapeHtml(para))),
    content.action
      ? p(
          `<a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a><br><span style="font-size:13px;color:#475569">Or open ${escapeHtml(content.action.url)}</span>`,
        )
      : "",
    content.note ? p(escapeHtml(content.note), "margin:0 0 16px;font-size:13px;color:#475569") : "",
    unsubscribeUrl ? p(`<a href="${escapeHtml(unsubscribeUrl)}" style="color:#475569">Stop these emails</a>`, "margin:24px 0 0;font-size:13px") : "",
    `</body></html>`,
  ].join("");
  return { subject: content.subject, text, html };
}
