import type { LoaderFunctionArgs } from "@remix-run/node";
import { enforce } from "~/lib/http.server";
import { appOrigin } from "~/lib/urls.server";
import { digestMarkdown } from "~/modules/archive/digest";
import { loadDigest } from "~/modules/archive/digest.server";
import { canViewDigest } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";

// Resource route: the learnings digest as a Markdown file, for anyone signed in once results are published.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewDigest(user, access));
  const markdown = digestMarkdown(await loadDigest(event), appOrigin(request));
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug.replace(/[^\w.-]/g, "_")}-learnings.md"`,
      "Cache-Control": "private, no-store",
    },
  });
}
