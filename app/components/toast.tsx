import { useEffect, useState } from "react";

export function ToastMessage({ toast }: { toast: { kind: "success" | "error"; message: string } }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => setVisible(true), [toast]);
  if (!visible) return null;
  const tone = toast.kind === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div role="status" className={`mb-6 flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p>{toast.message}</p>
      <button type="button" onClick={() => setVisible(false)} className="text-xs font-semibold underline" aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
