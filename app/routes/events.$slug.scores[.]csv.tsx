import type { LoaderFunctionArgs } from "@remix-run/node";
import { enforce } from "~/lib/http.server";
import { canManageJudging } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { csvResponse, rawScoresCsv } from "~/modules/judging/exports.server";

// Resource route: every judge's raw scores and comments as CSV, for organizers only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  return csvResponse(await rawScoresCsv(event), `${event.slug}-scores.csv`);
}
