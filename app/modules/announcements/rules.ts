// Announcements' pure rules: who each audience is, who may choose it, and the form (ADR 025).
import { z } from "zod";
import { announcementAudiences, type AnnouncementAudience, type EventPhase } from "#db/enums";
import { isLocalDateTime, zonedLocalToUtc } from "~/lib/time";

export { announcementAudiences, type AnnouncementAudience };

/** One word per audience in lists, and the sentence the form and the ADR use to define it. */
export const audienceWords: Record<AnnouncementAudience, { label: string; definition: string; mailTo: string }> = {
  everyone: { label: "Everyone in the event", definition: "every member of every team, every judge and the other organizers", mailTo: "everyone in" },
  teams: { label: "Team members", definition: "every member of every team, whether or not their entry is submitted", mailTo: "the team members of" },
  submitters: { label: "Submitters", definition: "the members of teams whose entry is submitted", mailTo: "the teams that submitted an entry to" },
  judges: { label: "Judges", definition: "the event's judges", mailTo: "the judges of" },
  winners: {
    label: "Winners",
    definition: "the members of teams whose entry won an award; only once results are published",
    mailTo: "the award-winning teams of",
  },
};

/** Winners are known to the teams only once results are published (ADR 012), so only then may they be written to. */
export function audienceOpen(audience: AnnouncementAudience, phase: EventPhase): boolean {
  return audience !== "winners" || phase === "closed";
}

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

/** The anchor of one announcement on the event page, which its notice links to. */
export const announcementAnchor = (id: string) => `announcement-${id}`;
