import { describe, expect, it } from "vitest";
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { passwordResetMail } from "./messages";
import { isSecurityMail, renderMail, type MailContent } from "./template";

const content: MailContent = {
  kind: "judge-added",
  subject: "You are a judge of <Winter> & more",
  greeting: "Hello Ada <script>,",
  paragraphs: ['First "quoted" paragraph.', "Second one."],
  action: { label: "Open the event", url: "https://hack.example.com/events/winter?a=1&b=2" },
  note: "Small print.",
};

describe("renderMail", () => {
  it("puts every sentence and link in both parts, escaped in the HTML", () => {
    const { text, html, subject } = renderMail(content, "https://hack.example.com/unsubscribe/t0k");
    expect(subject).toBe(content.subject);
    expect(text).toBe(
      [
        "Hello Ada <script>,",
        'First "quoted" paragraph.',
        "Second one.",
        "Open the event: https://hack.example.com/events/winter?a=1&b=2",
        "Small print.",
        "--",
        "Stop these emails: https://hack.example.com/unsubscribe/t0k",
      ].join("\n\n"),
    );
    expect(html).toContain("Hello Ada &lt;script&gt;,");
    expect(html).not.toContain("<script>");
    expect(html).toContain("First &quot;quoted&quot; paragraph.");
    expect(html).toContain('href="https://hack.example.com/events/winter?a=1&amp;b=2"');
    expect(html).toContain("<title>You are a judge of &lt;Winter&gt; &amp; more</title>");
    expect(html).toContain('href="https://hack.example.com/unsubscribe/t0k"');
  });

  it("without an unsubscribe link (security mail) neither part offers one", () => {
    const { text, html } = renderMail(content, null);
    expect(text).not.toContain("Stop these emails");
    expect(text.endsWith("Small print.")).toBe(true);
    expect(html).not.toContain("Stop these emails");
  });

  it("password reset is security mail; notifications are not", () => {
    expect(isSecurityMail(passwordResetMail({ name: "A", resetUrl: "https://x/r", validMinutes: 60 }).kind)).toBe(true);
    expect(isSecurityMail("judge-added")).toBe(false);
    expect(isSecurityMail("organizer-added")).toBe(false);
  });
});

describe("retries", () => {
  it("waits 30 s after the first failure, doubling, never more than an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(500)).toBe(3_600_000);
    expect(retryDelayMs(0)).toBe(30_000);
    expect(retryDelayMs(3, 10)).toBe(40);
  });

  it(`gives up after the ${MAX_ATTEMPTS}th failed try`, () => {
    expect(afterFailure(1)).toBe("retry");
    expect(afterFailure(MAX_ATTEMPTS - 1)).toBe("retry");
    expect(afterFailure(MAX_ATTEMPTS)).toBe("give-up");
    expect(afterFailure(2, 2)).toBe("give-up");
  });
});
