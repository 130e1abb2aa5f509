import { useState } from "react";

export function ToastMessage({ toast }: { toast: { kind: "success" | "error"; message: string } }) {
  // Dismissing hides this toast only: a new one (a new object from the next navigation) shows again.
  const [dismissed, setDismissed] = useState<typeof toast | null>(null);
  if (dismissed === toast) return null;
  const tone = toast.kind === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div role="status" className={`mb-6 flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p>{toast.message}</p>
      <button type="button" onClick={() => setDismissed(toast)} className="text-xs font-semibold underline" aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
