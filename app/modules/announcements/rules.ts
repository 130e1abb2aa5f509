// Announcements' pure rules: who each audience is and who may choose it (ADR 025); the form is in schemas.ts.
import { announcementAudiences, type AnnouncementAudience, type EventPhase } from "#db/enums";

export { announcementAudiences, type AnnouncementAudience };

/** One word per audience in lists, and the sentence the form and the ADR use to define it. */
export const audienceWords: Record<AnnouncementAudience, { label: string; definition: string; mailTo: string }> = {
  everyone: {
    label: "Everyone in the event",
    definition: "every member of every team, everyone who posted on Find a team, every judge and the other organizers",
    mailTo: "everyone in",
  },
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

/** The anchor of one announcement on the event page, which its notice links to. */
export const announcementAnchor = (id: string) => `announcement-${id}`;
