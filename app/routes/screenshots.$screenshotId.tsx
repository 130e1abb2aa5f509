import type { LoaderFunctionArgs } from "@remix-run/node";
import { enforce, invariantResponse } from "~/lib/http.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canViewEntry } from "~/modules/auth/permissions";
import { getEntryRef } from "~/modules/entries/entries.server";
import { getScreenshot } from "~/modules/entries/screenshots.server";
import { readStoredFile } from "~/modules/entries/storage.server";
import { loadEventAccess } from "~/modules/events/events.server";

/** Serves a screenshot to whoever may see its entry. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shot = await getScreenshot(params.screenshotId ?? "");
  invariantResponse(shot, "Screenshot not found", 404);
  const entry = await getEntryRef(shot.entryId);
  invariantResponse(entry, "Screenshot not found", 404);
  const found = await loadEventAccess({ id: entry.eventId }, user.id);
  invariantResponse(found, "Screenshot not found", 404);
  enforce(canViewEntry(user, found.access, entry, new Date()));
  const bytes = await readStoredFile(shot.storageKey);
  invariantResponse(bytes, "Screenshot file is missing", 404);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": shot.contentType,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
