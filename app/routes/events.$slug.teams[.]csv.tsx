import type { LoaderFunctionArgs } from "@remix-run/node";
import { enforce } from "~/lib/http.server";
import { canExportTeams } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { csvResponse } from "~/modules/judging/exports.server";
import { teamsCsv } from "~/modules/teams/roster-export.server";

// Resource route: teams, members and submission state as CSV, for organizers only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canExportTeams(user, access));
  return csvResponse(await teamsCsv(event.id), `${event.slug}-teams.csv`);
}
