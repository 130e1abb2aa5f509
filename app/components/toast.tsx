import { useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useHydrated } from "~/components/error-boundary";

export function ToastMessage({ toast }: { toast: { kind: "success" | "error"; message: string } }) {
  // Dismissing hides this toast only: a new one (a new object from the next navigation) shows again.
  const [dismissed, setDismissed] = useState<typeof toast | null>(null);
  // A toast answers the last thing done. The next form sent from the page retires it: an action answered with a
  // refusal or a confirm step (4xx) reloads no loader, so "Team created." would otherwise stay beside "Delete the
  // team?". A toast that the submission itself brings is a new object and shows.
  // (State adjusted while rendering, as React documents for state that follows a prop, rather than in an effect.)
  const submitting = useNavigation().state === "submitting";
  // Dismissing needs JavaScript: without it there is no button that would do nothing.
  const hydrated = useHydrated();
  if (submitting && dismissed !== toast) setDismissed(toast);
  if (dismissed === toast) return null;
  const tone = toast.kind === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div role="status" className={`mb-6 flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p>{toast.message}</p>
      {hydrated ? (
        <button type="button" onClick={() => setDismissed(toast)} className="text-xs font-semibold underline" aria-label="Dismiss message">
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
