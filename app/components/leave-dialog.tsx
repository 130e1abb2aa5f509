import type { Blocker } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** Asks before an in-app navigation leaves the entry form with unsaved edits (useEntryAutosave's blocker). */
export function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby="leave-h" aria-describedby="leave-d" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p id="leave-h" className="font-semibold">
        Leave without saving?
      </p>
      <p id="leave-d">Your latest changes to the entry are not saved yet.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={stay} type="button" className="btn-secondary" onClick={() => blocker.reset?.()}>
          Stay on this page
        </button>
        <button type="button" className="btn-danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
