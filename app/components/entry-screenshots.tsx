import { Form } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm-step";
import { MAX_SCREENSHOTS } from "~/modules/entries/images";

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
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
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
              aria-describedby={error ? "screenshot-hint screenshot-error" : "screenshot-hint"}
              aria-invalid={error ? true : undefined}
            />
            <p id="screenshot-hint" className="hint">
              PNG, JPEG or WebP, at most 5 MB.
            </p>
            {error ? (
              <p id="screenshot-error" className="field-error">
                {error}
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
        </Form>
      ) : null}
    </section>
  );
}
