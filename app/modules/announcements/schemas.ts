// The announcement form (ADR 025), apart from the rules and words in rules.ts so that pages which only show
// announcements do not load zod (ADR 043).
import { z } from "zod";
import { announcementAudiences, type EventPhase } from "#db/enums";
import { isLocalDateTime } from "~/lib/time";
import { skippedTimeMessage, zonedLocalToUtc } from "~/lib/zoned-time";
import { audienceOpen } from "./rules";

export const TITLE_MAX = 120;
export const BODY_MAX = 10_000;

/**
 * The announcement form. `now`, the event's time zone and phase come from the server (and the page, for the
 * same checks in the browser): a scheduled time must be in the future, winners only once results are out.
 */
export function announcementSchema(ctx: { now: Date; timezone: string; phase: EventPhase }) {
  return z
    .object({
      id: z.string().max(40).optional(),
      title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(TITLE_MAX, `Use at most ${TITLE_MAX} characters`),
      body: z
        .string({ error: "Write the announcement" })
        .trim()
        .min(1, "Write the announcement")
        .max(BODY_MAX, `Use at most ${BODY_MAX.toLocaleString("en")} characters`),
      audience: z.enum(announcementAudiences, { error: "Pick who it goes to" }),
      when: z.enum(["now", "later"], { error: "Choose to send it now or at a set time" }),
      sendAt: z.string().max(30).optional(),
    })
    .superRefine((v, issue) => {
      if (!audienceOpen(v.audience, ctx.phase)) {
        issue.addIssue({ code: "custom", path: ["audience"], message: "Winners can be written to once results are published" });
      }
      if (v.when !== "later") return;
      if (!v.sendAt || !isLocalDateTime(v.sendAt)) {
        issue.addIssue({ code: "custom", path: ["sendAt"], message: "Enter the date and time to send it" });
      } else if (skippedTimeMessage(v.sendAt, ctx.timezone)) {
        issue.addIssue({ code: "custom", path: ["sendAt"], message: skippedTimeMessage(v.sendAt, ctx.timezone)! });
      } else if (zonedLocalToUtc(v.sendAt, ctx.timezone) <= ctx.now) {
        issue.addIssue({ code: "custom", path: ["sendAt"], message: "Pick a time in the future, or send it now" });
      }
    })
    .transform((v) => ({
      id: v.id,
      title: v.title,
      body: v.body,
      audience: v.audience,
      sendAt: v.when === "later" && v.sendAt ? zonedLocalToUtc(v.sendAt, ctx.timezone) : ctx.now,
    }));
}

export type AnnouncementInput = z.output<ReturnType<typeof announcementSchema>>;

/** Lenient parse for the Preview button: nothing is checked, nothing saved, the fields come back as typed. */
export const previewSchema = z.object({
  id: z.string().max(40).optional(),
  title: z.string().max(TITLE_MAX).optional(),
  body: z.string().max(BODY_MAX).optional(),
  audience: z.string().max(20).optional(),
  when: z.string().max(10).optional(),
  sendAt: z.string().max(30).optional(),
});
