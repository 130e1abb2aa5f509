import type { LoaderFunctionArgs } from "@remix-run/node";
import { enforce } from "~/lib/http.server";
import { canManageJudging } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { csvResponse, resultsCsv } from "~/modules/judging/exports.server";

// Resource route: the results as CSV, for organizers only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  return csvResponse(await resultsCsv(event), `${event.slug}-results.csv`);
}
