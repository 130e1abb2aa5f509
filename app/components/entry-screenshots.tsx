import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { ConfirmStep } from "~/components/confirm-step";
import { useHydrated } from "~/components/error-boundary";
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS, TOO_LARGE_SCREENSHOT } from "~/modules/entries/images";

/**
 * A file over the limit is refused here, before it is sent: the server refuses a body past its cap with a bare 413,
 * which would replace the page (and what the team typed in the entry form) with an error.
 */
function refuseTooLarge(event: FormEvent<HTMLFormElement>, refuse: (message: string) => void) {
  const input = event.currentTarget.elements.namedItem("screenshot");
  const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
  if (file && file.size > MAX_SCREENSHOT_BYTES) {
    event.preventDefault();
    refuse(`${TOO_LARGE_SCREENSHOT} Nothing was sent.`);
  }
}

type ScreenshotFacts = { screenshotId: string; number: number; caption: string };

/** The entry's screenshots with their own upload and delete forms (multipart, so not part of the entry form). */
export function Screenshots({
  screenshots,
  error,
  confirmDelete,
}: {
  screenshots: { id: string; caption: string }[];
  error?: string;
  confirmDelete: ScreenshotFacts | null;
}) {
  // Said in the browser before sending (refuseTooLarge); cleared when another file is picked.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const hydrated = useHydrated();
  const shown = tooLarge ?? error;
  return (
    <section id="screenshots" aria-labelledby="shots-h" className="card scroll-mt-4 space-y-4">
      <h2 id="shots-h" className="h2">
        Screenshots ({screenshots.length} of {MAX_SCREENSHOTS})
      </h2>
      {screenshots.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {screenshots.map((s, i) => (
            <li key={s.id} className="space-y-1">
              <img
                src={`/screenshots/${s.id}`}
                alt={s.caption || `Screenshot ${i + 1}`}
                className="aspect-video w-full rounded border border-slate-200 object-cover"
              />
              <Form method="post">
                <input type="hidden" name="screenshotId" value={s.id} />
                <button
                  type="submit"
                  name="intent"
                  value="delete-screenshot"
                  className="btn-danger px-2 py-1 text-xs"
                  aria-label={`Delete screenshot ${s.caption || i + 1}`}
                >
                  Delete
                </button>
              </Form>
              {confirmDelete?.screenshotId === s.id ? (
                <ConfirmStep
                  question={`Delete screenshot ${confirmDelete.number}${confirmDelete.caption ? ` (“${confirmDelete.caption}”)` : ""}? The image is removed from the entry and deleted for good.`}
                  fields={{ intent: "delete-screenshot", screenshotId: s.id }}
                  confirmLabel={`Delete screenshot ${confirmDelete.number} for good`}
                  keepLabel="Keep it"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {screenshots.length < MAX_SCREENSHOTS ? (
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3" onSubmit={(e) => refuseTooLarge(e, setTooLarge)}>
          <div>
            <label htmlFor="screenshot" className="label">
              Add a screenshot
            </label>
            <input
              id="screenshot"
              name="screenshot"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="mt-1 block text-sm"
              aria-describedby={shown ? "screenshot-hint screenshot-error" : "screenshot-hint"}
              aria-invalid={shown ? true : undefined}
              onChange={() => setTooLarge(null)}
            />
            <p id="screenshot-hint" className="hint">
              PNG, JPEG or WebP, at most 5 MB.
            </p>
            {shown ? (
              <p id="screenshot-error" className="field-error" role={tooLarge ? "alert" : undefined}>
                {shown}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="caption" className="label">
              Caption (optional)
            </label>
            <input id="caption" name="caption" maxLength={200} className="input mt-1" />
          </div>
          <button type="submit" name="intent" value="upload-screenshot" className="btn-secondary">
            Upload
          </button>
          {/* With JavaScript the upload keeps the form's unsaved text; without, the page reloads as it is stored. */}
          {hydrated ? null : <p className="hint basis-full">Uploading reloads the page: save your text above first.</p>}
        </Form>
      ) : null}
    </section>
  );
}
